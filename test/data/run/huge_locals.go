// Locals over gc's 10 MB stack-variable limit live on the heap, as in gc: a 1 GB array (a frame that size
// is refused), huge named and unnamed results, and temporaries of that size.
package main

const big = 1 << 30

type A [64 << 20]byte

func named(i int, v byte) (a A) {
	a[i] = v
	return
}

func unnamed(i int, v byte) A {
	var a A
	a[i] = v
	return a
}

func param(a A, i int) byte { return a[i] }

func main() {
	var buf [big]byte
	i := big - 1
	buf[i] = 7
	s := buf[:]
	println(len(s), s[i], buf[0])
	a := named(1, 9)
	b := unnamed(len(a)-1, 8)
	println(a[1], b[len(b)-1], param(b, len(b)-1), param(named(5, 6), 5))
	c := [16 << 20]int8{3: 4}
	println(c[3], len(c))
}
