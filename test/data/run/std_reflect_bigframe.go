package main

// reflect.Value.Call and MakeFunc with a 64 KiB argument and result: reflect.call grows the stack by more
// than a segment before it reserves the frame, on the main goroutine and on a new one.

import "reflect"

type Huge [8192]int

func sum(h Huge, k int) (Huge, int) {
	s := 0
	for i := range h {
		s += h[i]
		h[i] = k
	}
	return h, s
}

func main() {
	var h Huge
	for i := range h {
		h[i] = i
	}
	out := reflect.ValueOf(sum).Call([]reflect.Value{reflect.ValueOf(h), reflect.ValueOf(3)})
	r := out[0].Interface().(Huge)
	println(out[1].Int(), r[100])
	f := reflect.MakeFunc(reflect.TypeOf(sum), func(in []reflect.Value) []reflect.Value {
		hh := in[0].Interface().(Huge)
		return []reflect.Value{reflect.ValueOf(hh), reflect.ValueOf(hh[8191] + int(in[1].Int()))}
	}).Interface().(func(Huge, int) (Huge, int))
	_, n := f(h, 1)
	println(n)
	done := make(chan int)
	go func() {
		out := reflect.ValueOf(sum).Call([]reflect.Value{reflect.ValueOf(h), reflect.ValueOf(3)})
		done <- int(out[1].Int())
	}()
	println(<-done)
}
