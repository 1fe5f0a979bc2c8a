// Index out of range on an array via a variable, conversion of slice to array pointer too short.
package main

import "fmt"

type Grid [3][3]int

func (g *Grid) Set(r, c, v int) { g[r][c] = v }

func main() {
	var g Grid
	for i := 0; i < 3; i++ {
		g.Set(i, i, i+1)
	}
	fmt.Println(g)
	s := []int{1, 2}
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		e, ok := r.(error)
		fmt.Println(ok, e)
		g.Set(1, 3, 9)
	}()
	p := (*[4]int)(s)
	fmt.Println(p)
}
