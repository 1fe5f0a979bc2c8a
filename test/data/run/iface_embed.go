package main

type Lesser interface {
	Less(i, j int) bool
	Len() int
}

type ints []int

func (x ints) Less(i, j int) bool { return x[i] < x[j] }
func (x ints) Len() int           { return len(x) }

type reverse struct {
	Lesser
}

func (r reverse) Less(i, j int) bool { return r.Lesser.Less(j, i) }

type wrapped struct {
	*reverse
	tag string
}

func main() {
	var l Lesser = ints{1, 2, 3}
	r := reverse{l}
	var l2 Lesser = r
	println(l.Less(0, 1), l2.Less(0, 1), l2.Len())
	w := wrapped{&r, "w"}
	var l3 Lesser = w
	println(l3.Less(0, 1), l3.Len(), w.Len())
	f := w.Len
	println(f())
	var l4 Lesser = &w
	println(l4.Len())
	var e interface{} = r
	if _, ok := e.(Lesser); ok {
		println("ok")
	}
	m := map[Lesser]int{}
	_ = m
	var e1, e2 interface{} = []int{1}, []int{1}
	defer1 := func() { println(e1 == e2) }
	defer1()
}
