package main

type T struct{ x int }

func f() (int, string) { return 1, "" }

func main() {
	var t T
	var s string = t
	type L int
	var l L
	var p *T = l
	var b byte = "x"
	x := 1
	var _ = f
	var c int8 = 300
	var d = x + "a"
	var e struct{ a int; b string `json:"b"` } = 1
	var g = []interface{ M() }{} + 1
	var h func(int, ...string) (int, error) = 2
	var i chan<- (<-chan int) = 1.5
	var j int = 1.5
	_ = 1 << 70
	var k = f()
	k2, k3 := f(), 1
	const big = 1 << 100
	var m int = big
	_ = s; _ = p; _ = b; _ = c; _ = d; _ = e; _ = g; _ = h; _ = i; _ = j; _ = k; _ = k2; _ = k3; _ = m
}
