// Dynamic assertions to interfaces with unexported methods of another package: a method `get` of
// package hidden does not implement main's `get` (fixedbugs/bug367.go, bug324.go).
package main

import "g1ctest/hidden"

type T struct{ *hidden.S }

type I interface{ get() int }

type Own struct{}

func (Own) get() int { return 4 }

type PtrOwn struct{}

// W has two methods named get: its own (main.get) and hidden.V's, promoted (hidden.get).
type W struct{ hidden.V }

func (W) get() int { return 6 }

func (*PtrOwn) get() int { return 5 }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			println(name, "panic:", r.(error).Error())
		}
	}()
	f()
}

func main() {
	var t T = T{&hidden.S{}}
	println(hidden.F(t))
	var x interface{} = t
	_, ok := x.(I)
	println("T is main.I:", ok)
	_, ok = x.(hidden.I)
	println("T is hidden.I:", ok)
	_, ok = x.(hidden.J)
	println("T is hidden.J:", ok)
	println("hidden.Is(T):", hidden.Is(t))
	println("hidden.Is(Own):", hidden.Is(Own{}))
	var o interface{} = Own{}
	_, ok = o.(I)
	println("Own is main.I:", ok)
	var po interface{} = &PtrOwn{}
	i, ok := po.(I)
	println("*PtrOwn is main.I:", ok, i.get())
	var v interface{} = hidden.V{}
	_, ok = v.(I)
	println("hidden.V is main.I:", ok)
	_, ok = v.(hidden.I)
	println("hidden.V is hidden.I:", ok)
	var w interface{} = W{}
	wi, ok := w.(I)
	println("W is main.I:", ok, wi.get())
	wh, ok := w.(hidden.I)
	println("W is hidden.I:", ok, hidden.F(wh))
	var pw interface{} = &W{}
	_, ok = pw.(I)
	_, ok2 := pw.(hidden.I)
	println("*W:", ok, ok2)
	try("assert", func() { _ = x.(I) })
	try("assert V", func() { _ = v.(I) })
}
