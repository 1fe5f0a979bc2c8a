package main

type T struct{ a []int }

func two() (int, int) { return 1, 2 }

func main() {
	p := &[]int{12, 13}
	println(len(*p), (*p)[1])
	m := &map[string]int{"x": 1}
	println((*m)["x"])
	ts := []*T{{a: []int{1}}, {}}
	println(len(ts[0].a), ts[1].a == nil)
	pp := []*[]int{{5}}
	println((*pp[0])[0])
}
