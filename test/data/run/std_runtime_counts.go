// runtime.NumCPU and runtime.NumGoroutine (the finalizer goroutine os starts is not counted, as gc does not count its own).
package main

import (
	"os"
	"runtime"
	"strconv"
)

func main() {
	println(runtime.NumCPU() >= 1, runtime.NumGoroutine())
	c := make(chan int)
	for i := 0; i < 3; i++ {
		go func() { <-c }()
	}
	runtime.Gosched()
	println(runtime.NumGoroutine())
	os.Stdout.WriteString(strconv.Itoa(runtime.NumGoroutine()) + "\n")
}
