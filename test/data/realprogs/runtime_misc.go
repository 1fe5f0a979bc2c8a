// The runtime package as programs use it: NumGoroutine around goroutines that finish, Gosched ping-pong,
// GC with a finalizer run by the finalizer goroutine, KeepAlive, GOMAXPROCS, Caller/FuncForPC names,
// debug.SetGCPercent, and runtime.Version's prefix. (Not compared: how many of several finalizers one GC
// runs, which rt's conservative stack scan may delay, and debug.ReadBuildInfo, which g1c leaves empty.)
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

type resource struct{ id int }

func where() string {
	pc, file, line, ok := runtime.Caller(1)
	fn := runtime.FuncForPC(pc)
	return fmt.Sprintf("%s %s:%d %v", fn.Name(), file[strings.LastIndex(file, "/")+1:], line, ok)
}

func main() {
	fmt.Println(runtime.NumGoroutine())
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); time.Sleep(time.Millisecond) }()
	}
	wg.Wait()
	time.Sleep(20 * time.Millisecond)
	fmt.Println("after:", runtime.NumGoroutine())
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for i := 0; i < 1000; i++ {
		ping <- v
		v = <-pong
		runtime.Gosched()
	}
	close(ping)
	<-pong
	fmt.Println("ping-pong", v)
	done := make(chan int, 10)
	for i := 0; i < 5; i++ {
		r := &resource{i}
		runtime.SetFinalizer(r, func(r *resource) { done <- r.id })
	}
	for i := 0; i < 5; i++ {
		runtime.GC()
	}
	got := 0
	timeout := time.After(5 * time.Second)
collect:
	for got < 1 {
		select {
		case <-done:
			got++
		case <-timeout:
			break collect
		}
	}
	fmt.Println("finalized", got)
	keep := &resource{99}
	runtime.SetFinalizer(keep, func(*resource) { fmt.Println("too early") })
	runtime.GC()
	runtime.KeepAlive(keep)
	runtime.SetFinalizer(keep, nil)
	fmt.Println(runtime.GOMAXPROCS(0) >= 1, runtime.NumCPU() >= 1, runtime.GOOS, runtime.GOARCH, runtime.Compiler)
	fmt.Println(where())
	func() { fmt.Println(where()) }()
	old := debug.SetGCPercent(50)
	fmt.Println("old gc percent", old, debug.SetGCPercent(old))
	fmt.Println(strings.HasPrefix(runtime.Version(), "go1.19"))
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println(ms.NumGC > 0, ms.HeapAlloc > 0)
}
