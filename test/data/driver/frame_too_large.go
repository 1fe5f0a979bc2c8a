package main

// Frames of 1 GB and more are refused, at the function's name (a method's receiver), as gc does: here for
// their own arguments. locals() is accepted: 200 MB of variables of 10 MB on the stack, and one of
// 1 GB, which lives on the heap.

type large struct{ b [1100 << 20]byte }

func (x large) m() int { return 5 } // own arguments

func args(x large) int { return 5 } // own arguments

func results() (x large, i int) { return }

type mid [10 << 20]byte

var z mid

func locals() {
	var x1, x2, x3, x4, x5, x6, x7, x8, x9, x10 mid
	var y1, y2, y3, y4, y5, y6, y7, y8, y9, y10 mid
	z, z, z, z, z, z, z, z, z, z = x1, x2, x3, x4, x5, x6, x7, x8, x9, x10
	z, z, z, z, z, z, z, z, z, z = y1, y2, y3, y4, y5, y6, y7, y8, y9, y10
	var w [1 << 30]byte // on the heap
	_ = w
	f := func() {
		var x1, x2, x3, x4, x5, x6, x7, x8, x9, x10 mid
		z, z, z, z, z, z, z, z, z, z = x1, x2, x3, x4, x5, x6, x7, x8, x9, x10
	}
	f()
}

func main() {
	locals()
}
