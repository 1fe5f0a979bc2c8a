package main

import "unsafe"

type T struct {
	x int
	s string
}

func (t *T) Inc() { t.x++ }
func (t T) Get() int { return t.x }

const (
	A = iota
	B
	C
)

var g = f(3) + h

var h = 10

func f(n int) int {
	if n <= 1 {
		return 1
	}
	return n * f(n-1)
}

func main() {
	var t T
	t.Inc()
	p := &t
	println(p.Get(), t.Get(), A, B, C, g)
	s := []int{1, 2, 3}
	s = append(s, 4)
	s = append(s, s...)
	b := []byte("hi")
	b = append(b, "there"...)
	r := []rune("héllo")
	for i, c := range "abc" {
		println(i, c)
	}
	x := 0
	inc := func() { x++ }
	inc()
	var a [4]int
	sl := a[:]
	println(len(s), cap(sl), string(b), len(r), string(rune(65)), unsafe.Sizeof(t))
	var f32 float32 = 1.5
	var i8 int8 = -128
	println(f32, i8, 1<<10, 7/2, 7.0/2)
	switch {
	case x > 1:
		println("big")
		fallthrough
	case x > 0:
		println("pos")
	default:
	}
L:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue L
			}
			if i == 2 {
				break L
			}
		}
	}
	goto end
end:
}
