// Index out of range through a helper, after deferred prints run.
package main

import "fmt"

func pick(xs []int, i int) int { return xs[i] }

func main() {
	defer fmt.Println("deferred runs before the crash report")
	xs := []int{1, 2, 3}
	i := 5
	fmt.Println(pick(xs, 1))
	fmt.Println(pick(xs, i))
}
