package main

type Point struct {
	X, Y int
}

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

func (p *Point) Scale(k int) {
	p.X *= k
	p.Y *= k
}

type Named struct {
	Name string
}

func (n *Named) Hello() string { return "hi " + n.Name }

type Circle struct {
	Point
	*Named
	R float64
}

type E int

func main() {
	p := Point{1, 2}
	q := Point{X: 10}
	p.Scale(3)
	r := p.Add(q)
	println(r.X, r.Y, p == Point{3, 6}, p != q)
	c := Circle{Point{1, 1}, &Named{"c"}, 2.5}
	c.Scale(2)
	println(c.X, c.Y, c.R, c.Hello(), c.Name)
	pp := &c.Point
	pp.X = 42
	println(c.X)
	ptr := new(int)
	*ptr = 5
	println(*ptr)
	arr := [2]string{"a", "b"}
	println(arr == [2]string{"a", "b"}, arr != [2]string{"a", "c"})
	ps := []*Point{&Point{1, 2}, &Point{3, 4}}
	ps[1].Scale(10)
	println(ps[1].X, ps[0].Y)
	var e E = 3
	panic(e)
}
