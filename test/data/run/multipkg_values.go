// Method values and expressions, globals, closures, local types, map keys, goroutines and recover
// across packages.
package main

import "g1ctest/misc"

func Local() interface{} {
	type T struct{ a int }
	return T{3}
}

func main() {
	f := misc.Origin.Sum
	g := (*misc.P).Scale
	p := &misc.Origin
	g(p, 10)
	println(f(), misc.Origin.Sum(), p.Sum())
	println(misc.Hook("x"), misc.Big)
	println(misc.Local() == misc.Local(), misc.Local() == Local())
	c := misc.Counter()
	c()
	println(c())
	m := map[misc.Key]int{}
	m[misc.K("a", "b")]++
	m[misc.K("a", "b")]++
	println(len(m), m[misc.K("a", "b")])
	ch := make(chan int)
	go misc.Go(ch, 21)
	println(<-ch, misc.Defer())
	var h func(string) string = misc.Hook
	misc.Hook = func(s string) string { return "new:" + h(s) }
	println(misc.Hook("y"))
	h2 := misc.P.Sum
	println(h2(misc.P{5, 6}))
	var i interface{ Sum() int } = misc.P{7, 8}
	println(i.Sum())
	var j interface{} = misc.Local()
	_, ok := j.(interface{ Sum() int })
	println(ok)
}
