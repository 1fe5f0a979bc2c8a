// Writing to a nil map inside a method called from main: gc's message and exit status 2.
package main

import "fmt"

type registry struct{ m map[string]int }

func (r *registry) add(k string) { r.m[k]++ }

func main() {
	var r registry
	fmt.Println("reading is fine:", r.m["x"], len(r.m))
	r.add("boom")
	fmt.Println("unreachable")
}
