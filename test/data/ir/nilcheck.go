package main

// The nil checks lowering makes (a one-byte probe load) where no access faults for a nil pointer.

type E struct{}

type T struct {
	e E
	x int
	y int
}

type Big struct {
	x [8192]byte
	i int
}

func eq(p, q *E) bool { return *p == *q } // probes p, then q: nothing is read

func addr(t *T) *E { return &t.e } // probes t: the address only escapes

func field(t *T) int { return t.y } // probes t before offsetting it (the fault says addr=0x0)

func small(t *T) E { return t.e } // probes t: the copy has size 0

func far(b *Big) int { return b.i } // probes b: offset 8192 is beyond the guard page

func elem(a *[4]int, i int) int { return a[i] } // probes a before the index

func first(a *[4]int) int { return a[0] } // no probe: the load at offset 0 faults itself

func main() {
	var t T
	var b Big
	var a [4]int
	println(eq(&E{}, &E{}), addr(&t) != nil, field(&t), small(&t) == E{}, far(&b), elem(&a, 1), first(&a))
}
