// Programs of several packages (GOPATH test/data/run/gopath): initialization order, globals, methods
// and types across packages.
package main

import (
	"g1ctest/second"
	"g1ctest/shapes"
	"g1ctest/first"
	"g1ctest/log"
)

var M = log.Say("main: var M")

func init() { log.Say("main: init") }

// Square embeds a *shapes.Rect: its methods, exported and not, are promoted.
type Square struct {
	*shapes.Rect
	side int
}

func (s Square) Area() int { return s.side * s.side }

func main() {
	println(first.A, first.B, second.V, M, shapes.Count)
	println(first.F() == second.F(), first.G() == second.G(), first.G() == first.G())
	var x interface{} = second.G()
	switch x.(type) {
	case first.S:
		println("first.S")
	case second.S:
		println("second.S")
	}
	r := shapes.New(2, 3, "rect")
	sq := Square{shapes.New(1, 1, "square"), 4}
	println(r.Area(), r.Name(), sq.Name(), sq.Area(), sq.Rect.Area())
	println(shapes.Label(r), shapes.Label(sq), shapes.Sum(r, sq, &sq))
	var a shapes.Areaer = sq
	if _, ok := a.(shapes.Labeler); ok {
		println("Square is a Labeler")
	}
	first.B = 100
	shapes.Count++
	println(first.B, shapes.Count)
	var err error = &shapes.Err{Code: 7}
	panic(err)
}
