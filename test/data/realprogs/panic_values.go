// An unrecovered panic of a struct value and a nested panic: gc prints both with [recovered] markers.
package main

import "fmt"

type pt struct{ x, y int }

func main() {
	defer func() {
		panic(fmt.Sprintf("second: %v", pt{3, 4}))
	}()
	panic(pt{1, 2})
}
