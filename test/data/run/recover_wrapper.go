// recover() in a method reached from a deferred call through wrappers: a pointer-receiver wrapper of a
// value method, a method value (-fm), a promoted method, reflect's method values and MakeFunc. Each
// recovers as if deferred itself (gc's WRAPPER functions); a function the wrapper's callee calls does
// not, and a callee of a reflect stub that first splits the stack leaves the right where it was.
package main

import (
	"fmt"
	"reflect"
)

type I interface{ M(tag string) }

type Small struct{}

func (Small) M(tag string) { report(tag, recover()) }

type Big [10000]byte

func (Big) M(tag string) { report(tag, recover()) }

type Outer struct {
	Small
	n int
}

type Deep struct{}

// A call between the deferred wrapper and recover: recover is not called by the deferred function
// (unless gc inlines M into its wrapper).
//
//go:noinline
func (Deep) M(tag string) { helper(tag) }

func helper(tag string) { report(tag, recover()) }

func report(tag string, r interface{}) {
	fmt.Printf("%s: recovered %v\n", tag, r)
}

func viaIface(i I, tag string) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: outer recovered %v\n", tag, r)
		}
	}()
	func() {
		defer i.M(tag)
		panic(tag)
	}()
}

func viaMethodValue(tag string) {
	f := Small{}.M
	defer f(tag)
	panic(tag)
}

func viaReflectMethod(v interface{}, tag string) {
	f := reflect.ValueOf(v).Method(0).Interface().(func(string))
	defer f(tag)
	panic(tag)
}

func viaMakeFunc(tag string) {
	f := reflect.MakeFunc(reflect.TypeOf((func(string))(nil)), func(args []reflect.Value) []reflect.Value {
		report(args[0].String(), recover())
		return nil
	}).Interface().(func(string))
	defer f(tag)
	panic(tag)
}

func main() {
	viaIface(Small{}, "small")
	viaIface(&Small{}, "pointer")
	viaIface(Big{}, "big")
	viaIface(Outer{}, "promoted")
	viaIface(&Outer{}, "promoted pointer")
	viaIface(Deep{}, "deep")
	viaMethodValue("method value")
	viaReflectMethod(Small{}, "reflect small")
	viaReflectMethod(Big{}, "reflect big")
	viaReflectMethod(&Outer{}, "reflect promoted")
	viaMakeFunc("makefunc")
}
