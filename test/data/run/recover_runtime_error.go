// Every panic the runtime raises is a runtime.Error (gc's plainError, boundsError, TypeAssertionError,
// errorString); a panic with the program's own value is not. Also the message of a failed assertion
// between identically printed types.
package main

import "runtime"

func try(name string, f func()) {
	defer func() {
		r := recover()
		re, ok := r.(runtime.Error)
		if ok {
			println(name, "runtime.Error:", re.Error())
		} else {
			println(name, "not a runtime.Error")
		}
	}()
	f()
}

func a() interface{} {
	type T struct{ x int }
	return T{}
}

func main() {
	var m map[string]int
	var s []int
	var c chan int
	var i interface{} = "s"
	zero := 0
	try("nil map", func() { m["a"] = 1 })
	try("index", func() { _ = s[zero] })
	try("divide", func() { println(1 / zero) })
	try("close nil", func() { close(c) })
	try("assert", func() { _ = i.(int) })
	try("scopes", func() {
		type T struct{ x int }
		_ = a().(T)
	})
	try("user", func() { panic("mine") })
}
