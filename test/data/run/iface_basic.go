package main

type Shape interface {
	Area() int
	Name() string
}

type Rect struct{ w, h int }

func (r Rect) Area() int      { return r.w * r.h }
func (r Rect) Name() string   { return "rect" }

type Sq struct{ s int }

func (s *Sq) Area() int    { return s.s * s.s }
func (s *Sq) Name() string { return "sq" }

type E int

func (e E) Error() string { return "E error" }

type Inner struct{ v int }

func (i Inner) Get() int { return i.v }

type Outer struct {
	Inner
	x int
}

type Getter interface{ Get() int }

func describe(x interface{}) {
	switch v := x.(type) {
	case nil:
		println("nil")
	case int:
		println("int", v)
	case string:
		println("string", v)
	case Shape:
		println("shape", v.Name(), v.Area())
	case bool, float64:
		println("bool or float")
	default:
		println("other")
	}
}

func main() {
	var s Shape = Rect{3, 4}
	println(s.Area(), s.Name())
	s = &Sq{5}
	println(s.Area(), s.Name())
	var e interface{} = 42
	n, ok := e.(int)
	println(n, ok)
	str, ok := e.(string)
	println(str, ok)
	describe(nil)
	describe(1)
	describe("hi")
	describe(Rect{1, 2})
	describe(true)
	describe(2.5)
	describe([]int{1})
	var a, b interface{} = 1, 1
	println(a == b, a != b)
	b = "x"
	println(a == b)
	var err error = E(3)
	println(err.Error())
	o := Outer{Inner{7}, 1}
	var g Getter = o
	println(g.Get())
	f := o.Get
	println(f())
	h := Rect.Area
	println(h(Rect{2, 5}))
	var sh Shape = Rect{1, 1}
	m := sh.Name
	println(m())
	if r, ok := sh.(Rect); ok {
		println("rect", r.w)
	}
	var e2 interface{} = sh
	if s2, ok := e2.(Shape); ok {
		println("shape again", s2.Area())
	}
	var x interface{} = "str"
	_ = x.(int)
}
