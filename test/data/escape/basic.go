// Escape analysis facts g1c reports as gc's -m does (test/escape.rs compares them with gc's).
package main

type T struct{ a, b int }

type S struct {
	p    *int
	next *S
}

func (t *T) sum() int { return t.a + t.b }

func first(p *T) int { return p.a }

func ident(p *T) *T { return p }

func fill(b []byte) { copy(b, "x") }

func store(s *S, p *int) { s.p = p }

func length(s string) int { return len(s) }

var sink *T
var sinkInt *int

func locals() int {
	x := T{1, 2}
	n := x.sum() + first(&x)
	var buf [8]byte
	fill(buf[:])
	q := new(int)
	*q = n
	s := make([]int, 10)
	s[0] = *q
	lit := []int{1, 2, 3}
	return s[0] + lit[1] + length("abc")
}

func escapes() {
	y := &T{3, 4}
	sink = ident(y)
	z := 5
	var s S
	store(&s, &z)
	w := new(int)
	sinkInt = w
}

func loops() *T {
	var last *T
	for i := 0; i < 3; i++ {
		t := new(T)
		t.a = i
		last = t
	}
	for i := 0; i < 3; i++ {
		u := new(T)
		u.a = i
		sink = u
	}
	return last
}

func loopTemps() int {
	n := 0
	for i := 0; i < 3; i++ {
		var buf [8]byte
		buf[0] = byte(i)
		fill(buf[:])
		n += int(buf[0])
	}
	return n
}

func variadic(xs ...int) int { return len(xs) }

func calls() int {
	return variadic(1, 2, 3)
}

func main() {
	println(locals(), loops().a, calls(), loopTemps())
	escapes()
}
