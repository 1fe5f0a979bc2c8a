// Package misc has methods, globals, closures, local types, map keys and goroutine bodies used from
// another package.
package misc

type P struct{ X, Y int }

func (p P) Sum() int      { return p.X + p.Y }
func (p *P) Scale(k int)  { p.X *= k; p.Y *= k }

var Origin = P{1, 2}

var Hook = func(s string) string { return "hook:" + s }

const Big = 1 << 40

func Local() interface{} {
	type T struct{ a int }
	return T{3}
}

func Counter() func() int {
	n := 0
	return func() int { n++; return n }
}

type Key struct{ a, b string }

func K(a, b string) Key { return Key{a, b} }

func Go(ch chan<- int, v int) { ch <- v * 2 }

func Defer() (r int) {
	defer func() { r = recover().(int) + 1 }()
	panic(41)
}
