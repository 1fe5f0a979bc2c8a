// gc's clearing idiom (for i := range x { x[i] = zero }) and loops that look like it but are not: the
// elements, the key after the loop and interface elements must be as a plain loop leaves them.
package main

type pair struct{ x, y int }

type box struct {
	v  []uint32
	a  [5]int
	ps []*int
	st []pair
}

func main() {
	b := &box{v: make([]uint32, 10), ps: make([]*int, 3), st: make([]pair, 2)}
	for i := range b.v {
		b.v[i] = uint32(i) + 7
	}
	for i := range b.v[:4] {
		b.v[i] = 0 // not the idiom: b.v[:4] is not b.v, but it clears the same elements
	}
	println(b.v[3], b.v[4])
	for i := range b.v {
		b.v[i] = 0
	}
	println(b.v[9], len(b.v), cap(b.v))
	var j int
	b.a = [5]int{1, 2, 3, 4, 5}
	for j = range b.a {
		b.a[j] = 0
	}
	println(j, b.a[0], b.a[4])
	x := 1
	b.ps[1] = &x
	for i := range b.ps {
		b.ps[i] = nil
	}
	b.st[1].x = 3
	for k := range b.st {
		b.st[k] = pair{}
	}
	println(b.ps[1] == nil, b.st[1].x)
	var e []uint32
	j = 99
	for j = range e {
		e[j] = 0
	}
	println(j)
	ifs := []interface{}{1, 2}
	for i := range ifs {
		ifs[i] = 0 // an int in an interface is not the zero interface
	}
	println(ifs[1].(int), ifs[1] != nil)
	fs := []float64{1.5, -2}
	for i := range fs {
		fs[i] = 0
	}
	println(fs[1])
	p := &[3]string{"a", "b", "c"}
	for i := range *p {
		(*p)[i] = ""
	}
	println(len(p[0]+p[1]+p[2]))
	var arr [4]bool
	arr[2] = true
	for i := range arr {
		arr[i] = false
	}
	println(arr[2])
	var q *[]int
	defer func() { println("recovered:", recover() != nil) }()
	for i := range *q {
		(*q)[i] = 0
	}
}
