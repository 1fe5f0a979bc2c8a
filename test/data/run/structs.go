package main

type Point struct {
	X, Y int
}

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k int)      { p.X *= k; p.Y *= k }

type Named struct {
	Point
	Name string
}

type Counter struct{ n int }

func (c *Counter) Inc() int { c.n++; return c.n }

func newCounter() *Counter { return &Counter{} }

func main() {
	p := Point{1, 2}
	q := p.Add(Point{X: 10})
	q.Scale(3)
	println(p.X, p.Y, q.X, q.Y)
	n := Named{Point{5, 6}, "n"}
	n.Scale(2)
	println(n.X, n.Point.Y, n.Name)
	c := newCounter()
	c.Inc()
	c.Inc()
	println(c.Inc(), c.n)
	pp := &p
	pp.X = 99
	println(p.X, (*pp).Y, p == Point{99, 2}, p != q)
	var zero Point
	println(zero.X, zero == Point{})
	ip := new(int)
	*ip = 7
	println(*ip)
	arr := [2]Point{{1, 1}, {2, 2}}
	println(arr == [2]Point{{1, 1}, {2, 2}})
	var cc Counter
	cc.Inc()
	println(cc.n)
}
