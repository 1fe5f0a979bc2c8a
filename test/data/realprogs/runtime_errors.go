// Recovered run-time errors have gc's dynamic types (runtime.boundsError, errorString, plainError,
// *TypeAssertionError): %T, %v, %#v, type switches, errors.As and == on them, and a re-panicked one.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

type T struct{ a int }

func (T) M() {}

type I interface{ M() }
type J interface{ N() }

func catch(name string, f func()) (r any) {
	defer func() {
		r = recover()
		fmt.Printf("%s: %T\n", name, r)
		fmt.Printf("  v: %v\n", r)
		fmt.Printf("  +v: %+v\n", r)
		if _, ok := r.(*runtime.TypeAssertionError); !ok {
			fmt.Printf("  #v: %#v\n", r)
		}
		switch e := r.(type) {
		case runtime.Error:
			fmt.Println("  runtime.Error", e.Error())
		case error:
			fmt.Println("  error", e.Error())
		default:
			fmt.Println("  other")
		}
		if err, ok := r.(error); ok {
			var re runtime.Error
			fmt.Println("  errors.As:", errors.As(err, &re))
		}
	}()
	f()
	return nil
}

var sink int

func main() {
	var s []int
	i := 5
	var p *T
	var m map[string]int
	var c chan int
	var x any = "str"
	var z int
	rs := []any{}
	rs = append(rs, catch("index", func() { sink = s[i] }))
	rs = append(rs, catch("index2", func() { sink = s[i] }))
	rs = append(rs, catch("slice", func() { _ = s[1:i] }))
	rs = append(rs, catch("slice3", func() { _ = s[i:1] }))
	rs = append(rs, catch("neg", func() { j := -1; _ = s[j:] }))
	rs = append(rs, catch("conv", func() { _ = (*[4]int)(s) }))
	rs = append(rs, catch("nil", func() { sink = p.a }))
	rs = append(rs, catch("div", func() { sink = 1 / z }))
	rs = append(rs, catch("div2", func() { sink = 1 / z }))
	rs = append(rs, catch("shift", func() { sink = 1 << (z - 1) }))
	rs = append(rs, catch("map", func() { m["a"] = 1 }))
	rs = append(rs, catch("close", func() { close(c) }))
	rs = append(rs, catch("closeclosed", func() { c := make(chan int); close(c); close(c) }))
	rs = append(rs, catch("send", func() { c := make(chan int, 1); close(c); c <- 1 }))
	rs = append(rs, catch("assert", func() { sink = x.(int) }))
	rs = append(rs, catch("assertI", func() { _ = x.(I) }))
	rs = append(rs, catch("assertnil", func() { var y any; _ = y.(int) }))
	rs = append(rs, catch("uncomparable", func() { var a, b any = []int{}, []int{}; _ = a == b }))
	rs = append(rs, catch("unhashable", func() { mm := map[any]int{}; mm[[]int{}] = 1 }))
	rs = append(rs, catch("makeslice", func() { n := -1; _ = make([]int, n) }))
	rs = append(rs, catch("makechan", func() { n := -1; _ = make(chan int, n) }))
	fmt.Println(rs[0] == rs[1], rs[7] == rs[8], rs[0] == rs[2], rs[7] == rs[9], rs[10] == rs[10])
	var tae *runtime.TypeAssertionError
	fmt.Println(errors.As(rs[14].(error), &tae), tae.Error())
	if be, ok := rs[0].(interface{ RuntimeError() }); ok {
		fmt.Printf("%T is a runtime error\n", be)
	}
	// A recovered run-time error panicked again prints as the original.
	defer func() {
		r := recover()
		fmt.Println("again:", r)
		panic(r)
	}()
	sink = s[i]
}
