package main

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ w, h float64 }

func (r Rect) Area() float64  { return r.w * r.h }
func (r *Rect) Name() string  { return "rect" }

type Base struct{ id int }

func (b *Base) ID() int { return b.id }

type Derived struct {
	Base
	tag string
}

func pick[T any](c bool, a, b T) T {
	if c {
		return a
	}
	return b
}

func main() {
	var s Shape = &Rect{2, 3}
	switch v := s.(type) {
	case *Rect:
		println(v.w)
	default:
		println(v)
	}
	if r, ok := s.(*Rect); ok {
		println(r.Area())
	}
	m := map[string]int{"a": 1}
	m["b"]++
	v, ok := m["c"]
	ch := make(chan int, 1)
	ch <- 1
	select {
	case x := <-ch:
		println(x)
	default:
	}
	d := Derived{Base{7}, "t"}
	println(d.ID(), d.id, v, ok, pick(true, 1, 2), pick(false, "a", "b"))
	defer func() { recover() }()
	var c complex128 = complex(1, 2)
	println(real(c))
	var _ Shape = &Rect{}
}
