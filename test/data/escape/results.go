package main

import "fmt"

type Elem struct{ a [4]uint64 }

func (v *Elem) Add(a, b *Elem) *Elem {
	for i := range v.a {
		v.a[i] = a.a[i] + b.a[i]
	}
	return v
}

func first(p *Elem, q **Elem) *Elem {
	return *q
}

var sink *Elem

func sum() uint64 {
	var x, y, z Elem
	x.a[0] = 1
	y.a[0] = 2
	z.Add(&x, &y).Add(&z, &x)
	w := new(Elem)
	r := first(w, &w)
	return z.a[0] + r.a[0]
}

func leak() uint64 {
	var x, y, z Elem
	sink = z.Add(&x, &y)
	return sink.a[0]
}

func main() {
	fmt.Println(sum(), leak())
}
