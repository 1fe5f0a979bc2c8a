// Evaluation order within a statement as gc does it: calls, receives and builtins first, left to right,
// then the variables, fields and elements they may have changed.
package main

import "fmt"

type S struct{ a int }

var g int
var s S
var arr [3]int

func f() int { g++; s.a++; arr[1] = 9; return g }

func main() {
	x := 1
	inc := func() int { x++; return x }
	fmt.Println(x, inc(), x)
	fmt.Println(g, f(), g, s.a, s, arr[1])
	y := []int{g, f(), g}
	fmt.Println(y)
	m := map[string]int{"a": g, "b": f()}
	fmt.Println(m["a"], m["b"])
	p := &s
	fmt.Println(p.a, f(), *p)
	a, b := g, f()
	fmt.Println(a, b)
	z := g + f()
	fmt.Println(z)
	fmt.Println(len(arr), arr, f())
	total := 10
	add := func() int { total += 5; return 1 }
	total += add()
	fmt.Println(total)
	sl := []int{1, 2, 3}
	grow := func() int { sl = append(sl, 4); return 0 }
	fmt.Println(len(sl), sl[grow()], len(sl))
	idx := 0
	bump := func() int { idx = 2; return 7 }
	arr[idx] = bump()
	fmt.Println(arr, idx)
	ch := make(chan int, 2)
	ch <- 10
	ch <- 20
	v := 1
	fmt.Println(v, <-ch+func() int { v = 100; return 0 }(), v, <-ch)
	ok := true
	setf := func() bool { ok = false; return true }
	fmt.Println(ok && setf(), ok)
	type T struct{ A, B int }
	n := 1
	nf := func() int { n = 50; return 2 }
	fmt.Println(T{n, nf()}, []T{{A: n, B: nf()}}, &T{n, nf()})
	fmt.Println(swap(n, nf()))
	defer func() { fmt.Println("recovered:", recover()) }()
	var s3 []int
	fmt.Println(s3[n], f())
}

func swap(a, b int) (int, int) { return b, a }
