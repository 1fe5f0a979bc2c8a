// A value method called through a nil pointer in an interface panics with gc's panicwrap error (a
// runtime.Error printed without the "runtime error: " prefix), recovered once and then unrecovered.
package main

import (
	"fmt"
	"runtime"
)

type T struct{ n int }

func (t T) Get() int { return t.n }

type Getter interface{ Get() int }

//go:noinline
func nilGetter() Getter {
	var p *T
	return p
}

func main() {
	g := nilGetter()
	func() {
		defer func() {
			r := recover()
			_, isRuntime := r.(runtime.Error)
			fmt.Println(r, isRuntime)
		}()
		g.Get()
	}()
	g.Get()
}
