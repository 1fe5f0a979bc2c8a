package main

// Deep recursion through reflect.Value.Call (reflect.call growing the stack) and through a MakeFunc'd
// function (makeFuncStub), on the main goroutine and on others, with a big argument and result.

import "reflect"

type Big struct{ A [64]int }

var rec reflect.Value

func down(n int, b Big) (int, Big) {
	if n == 0 {
		return b.A[3], b
	}
	b.A[3]++
	out := rec.Call([]reflect.Value{reflect.ValueOf(n - 1), reflect.ValueOf(b)})
	return int(out[0].Int()) + 1, out[1].Interface().(Big)
}

var mf func(int) int

func main() {
	rec = reflect.ValueOf(down)
	r, b := down(3000, Big{})
	println(r, b.A[3])
	mf = reflect.MakeFunc(reflect.TypeOf(mf), func(in []reflect.Value) []reflect.Value {
		n := int(in[0].Int())
		if n == 0 {
			return []reflect.Value{reflect.ValueOf(0)}
		}
		var pad [100]int
		pad[n%100] = n
		return []reflect.Value{reflect.ValueOf(mf(n-1) + 1 + pad[n%100] - n)}
	}).Interface().(func(int) int)
	println(mf(5000))
	done := make(chan int)
	for g := 0; g < 4; g++ {
		go func(g int) {
			r, _ := down(500+g, Big{})
			done <- r + mf(300)
		}(g)
	}
	s := 0
	for g := 0; g < 4; g++ {
		s += <-done
	}
	println(s)
}
