package main

// Slices of pointers, pointers into the middle of objects (fields, slice elements) and sub-slices that are
// the only reference to their backing array, all surviving many collections.

type Pair struct {
	a, b int
	name string
}

type Holder struct {
	field *int    // points into another object
	elem  *Pair   // points at an element of a slice's backing array
	tail  []int   // a sub-slice: points into the middle of its array
	pairs []*Pair // a slice of pointers
}

func garbage(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		p := &Pair{a: i, b: i * 2}
		b := make([]int, 100)
		b[i%100] = p.a
		s += b[i%100]
	}
	return s
}

func build(k int) *Holder {
	h := &Holder{}
	p := &Pair{a: k, b: k + 1}
	h.field = &p.b
	arr := make([]Pair, 64)
	for i := range arr {
		arr[i] = Pair{a: k * i, b: i, name: "elem"}
	}
	h.elem = &arr[37]
	big := make([]int, 10000)
	for i := range big {
		big[i] = k + i
	}
	h.tail = big[9990:]
	for i := 0; i < 50; i++ {
		h.pairs = append(h.pairs, &Pair{a: k, b: i})
	}
	return h
}

func main() {
	var hs []*Holder
	total := 0
	for k := 0; k < 200; k++ {
		hs = append(hs, build(k))
		total += garbage(2000)
	}
	bad := 0
	for k, h := range hs {
		if *h.field != k+1 {
			bad++
		}
		if h.elem.a != k*37 || h.elem.b != 37 || h.elem.name != "elem" {
			bad++
		}
		for i, v := range h.tail {
			if v != k+9990+i {
				bad++
			}
		}
		if len(h.pairs) != 50 {
			bad++
		}
		for i, p := range h.pairs {
			if p.a != k || p.b != i {
				bad++
			}
		}
	}
	println("holders:", len(hs), "bad:", bad, "garbage:", total)
}
