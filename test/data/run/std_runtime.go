package main

// lib/runtime: g1c's Go face of rt (Caller, FuncForPC, GC, Gosched, constants, runtime.Error).

import "runtime"

func where() {
	pc, _, line, ok := runtime.Caller(1)
	println(runtime.FuncForPC(pc).Name(), line, ok)
	_, _, line, ok = runtime.Caller(0)
	println(line, ok)
}

func main() {
	where()
	runtime.GC()
	done := make(chan bool)
	go func() { println("other goroutine"); done <- true }()
	runtime.Gosched()
	<-done
	println(runtime.GOOS, runtime.GOARCH, runtime.Compiler)
	var e error = &runtime.TypeAssertionError{}
	_, isRT := e.(runtime.Error)
	println(isRT)
	runtime.KeepAlive(e)
	var ms runtime.MemStats
	println(len(ms.BySize), runtime.MemProfileRate)
}
