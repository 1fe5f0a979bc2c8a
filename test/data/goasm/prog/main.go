package main

import "fmt"

func add(a, b int64) int64
func sum(xs []int64) int64
func callTwice(x int64) int64
func tableAt(i int) uint32
func cpuidMax() uint32

func double(x int64) int64 { return 2 * x }

func main() {
	fmt.Println(add(40, 2))
	fmt.Println(sum([]int64{1, 2, 3, 4, 5}))
	fmt.Println(callTwice(5))
	fmt.Println(tableAt(0), tableAt(1), tableAt(2))
	fmt.Println(cpuidMax() > 0)
}
