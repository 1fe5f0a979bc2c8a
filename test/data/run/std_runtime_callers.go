package main

// runtime.Callers, CallersFrames and Caller across stack segments (rt/src/gohooks.rs: go_frames).

import "runtime"

func rec(n int) int {
	if n == 0 {
		pcs := make([]uintptr, 64)
		k := runtime.Callers(1, pcs)
		fr := runtime.CallersFrames(pcs[:k])
		c := 0
		for {
			f, more := fr.Next()
			if f.Function == "main.rec" {
				c++
			}
			if !more {
				break
			}
		}
		_, _, line, ok := runtime.Caller(40)
		println(c, line, ok)
		return c
	}
	var big [512]byte
	_ = big
	return rec(n - 1)
}

func main() {
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	f, _ := runtime.CallersFrames(pcs[:n]).Next()
	println(n > 0, f.Function, f.Line)
	rec(50)
}
