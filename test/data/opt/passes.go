package main

// Small functions for the optimizer's golden tests (test/ir.rs, `g1c dump ir -after PASS`): each shows what
// one pass does.

// constfold: x and y are constants, the comparison and the branch fold.
func fold() int {
	x := 3
	y := x * 4
	if y > 10 {
		return y + 1
	}
	return 0
}

// copyprop: c and d are copies of a; the addition reads a.
func copies(a, b int) int {
	c := a
	d := c
	e := d + b
	return e
}

// constfold at a sub-word width: 127 + 1 wraps to -128 in int8.
func narrow(a int8) int8 {
	var k int8 = 127
	k++
	return a + k
}

// dce: unused is computed and never read; the loop's vregs are assigned more than once.
func dead(n int) int {
	unused := n * 7
	_ = unused
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	return s
}

// Shifts and unsigned division of constants.
func shifts() (uint8, int16, uint32) {
	var a uint8 = 200
	var b int16 = -300
	var c uint32 = 1 << 31
	return a << 1, b >> 3, c / 3
}

// strength: multiplying and dividing by powers of two shift; signed division rounds toward zero; float
// division by 4 multiplies by 0.25.
func powers(a int, b uint32, c int8, d float64) (int, uint32, int8, int, float64) {
	return a * 8, b / 16, c / 4, a % 2, d / 4
}

// inline: a small leaf function called in a loop; its body replaces the call.
func sq(x int) int {
	return x*x + 1
}

func sumsq(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += sq(i)
	}
	return s
}

// sroa: the slice s is a slot only loads, stores and whole copies use; its pointer, length and capacity
// become vregs. layout: the failed bounds check's block goes last, the loop body follows its test.
func sumPrefix(a []int, n int) int {
	s := a[:n]
	t := 0
	for i := 0; i < len(s); i++ {
		t += s[i] * s[len(s)-1-i]
	}
	return t
}

// addrfold: the fields of *p and of the local v are read at offsets of p and of v's slot (which sroa then
// promotes); in the loop, n is written more than once, so only the loads in the Add's block fold.
type point struct{ x, y, z int }

type node struct {
	val  int
	next *node
}

func fields(p *point) int {
	v := point{p.z, p.y, p.x}
	v.y += p.x
	return v.x*v.y + v.z
}

func walk(n *node) int {
	s := 0
	for n != nil {
		s += n.val
		n = n.next
	}
	return s
}

// coalesce: in dead and sumsq above, the sums are computed into s and i, not into temporaries copied to them.

func main() {
	x, y, z := shifts()
	println(fold(), copies(1, 2), narrow(1), dead(10), x, y, z)
	p, q, r, s, t := powers(-7, 100, -7, 3)
	println(p, q, r, s, t, sumsq(10))
	println(sumPrefix([]int{1, 2, 3, 4, 5}, 4))
	println(fields(&point{1, 2, 3}), walk(&node{1, &node{2, &node{3, nil}}}))
}
