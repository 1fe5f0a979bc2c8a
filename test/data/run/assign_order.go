// Multiple assignments evaluate the operands on the left first and then assign left to right; a slice
// element's bounds check and a map entry's creation come with the store (gc's order). Also: `defer
// recover()` recovers, runtime.Caller in a deferred call sees the deferring frames, a struct comparison
// through interfaces meets cheap fields before string contents.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

//go:noinline
func pair() (*int, int) { return nil, 42 }

func pointers() {
	x := 1
	p := &x
	p, *p = pair()
	fmt.Println("p, *p:", p == nil, x)

	s := []int{10, 20, 30}
	i := 0
	i, s[i] = 2, 99
	fmt.Println("i, s[i]:", i, s)

	t := []int{1, 2}
	u := t
	t, t[1] = []int{7, 8}, 5
	fmt.Println("t, t[1]:", t, u)
}

func storesBeforeBoundsPanic() {
	m := map[int]int{}
	s := []int{}
	defer func() {
		fmt.Println("recovered:", recover(), "len(m) =", len(m), "m[2] =", m[2])
	}()
	m[2], s[1] = 2, 2
}

func opAssignPanics() {
	m := map[int]int{}
	func() {
		defer func() { recover() }()
		var p *int
		m[0] += *p
	}()
	fmt.Println("after m[0] += *nil:", len(m))
	var z int
	func() {
		defer func() { recover() }()
		m[1] /= z
	}()
	fmt.Println("after m[1] /= 0:", len(m))
}

func squelch() (r string) {
	defer func() { r = "squelched" }()
	defer func() {
		defer recover()
	}()
	panic("boom")
}

func callerLine() {
	defer func() {
		recover()
		for i := 1; ; i++ {
			_, file, line, ok := runtime.Caller(i)
			if !ok {
				fmt.Println("callerLine: not found")
				return
			}
			if strings.HasSuffix(file, "assign_order.go") {
				fmt.Println("callerLine: deferring frame at line", line)
				return
			}
		}
	}()
	var p *struct{ x int }
	fmt.Println(p.x) // the panicking line
}

func returnLine() (line int) {
	func() {
		defer func() {
			_, _, line, _ = runtime.Caller(1)
		}()
	}() // the line of the deferring function's end
	return
}

type pairs struct {
	s string
	i int
}

func main() {
	pointers()
	storesBeforeBoundsPanic()
	opAssignPanics()
	fmt.Println(squelch())
	callerLine()
	fmt.Println("returnLine:", returnLine())
	var a, b interface{} = pairs{"x", 1}, pairs{"x", 2}
	fmt.Println(a == b, a == interface{}(pairs{"x", 1}))
}
