// The mutex profile and the execution tracer's frame: a contended sync.Mutex is recorded with the stack of
// the goroutine that unlocked it (sync.(*Mutex).Unlock, then its caller), sync.Pools are emptied by
// runtime.GC, and runtime/trace writes a trace that starts with gc 1.19's header; a second start fails.
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/trace"
	"strings"
	"sync"
	"time"
)

func contend(m *sync.Mutex) {
	m.Lock()
	done := make(chan bool)
	go func() {
		m.Lock()
		m.Unlock()
		done <- true
	}()
	// Long enough for the goroutine to park on the mutex's semaphore.
	time.Sleep(50 * time.Millisecond)
	m.Unlock()
	<-done
}

func main() {
	fmt.Println("rate before:", runtime.SetMutexProfileFraction(1))
	fmt.Println("rate read:", runtime.SetMutexProfileFraction(-1))
	var m sync.Mutex
	contend(&m)
	runtime.SetMutexProfileFraction(0)
	n, ok := runtime.MutexProfile(nil)
	fmt.Println("records:", n >= 1, "ok with no room:", ok)
	recs := make([]runtime.BlockProfileRecord, n+10)
	n, ok = runtime.MutexProfile(recs)
	fmt.Println("ok with room:", ok)
	found := false
	for _, r := range recs[:n] {
		frames := runtime.CallersFrames(r.Stack())
		var names []string
		for {
			f, more := frames.Next()
			names = append(names, f.Function)
			if !more {
				break
			}
		}
		if len(names) >= 2 && names[0] == "sync.(*Mutex).Unlock" && names[1] == "main.contend" {
			found = true
			fmt.Println("contention recorded:", r.Count >= 1, r.Cycles > 0)
		}
	}
	fmt.Println("found Unlock in main.contend:", found)

	var p sync.Pool
	p.New = func() any { return "new" }
	p.Put("pooled")
	runtime.GC()
	runtime.GC()
	fmt.Println("pool after two collections:", p.Get())

	var buf bytes.Buffer
	if err := trace.Start(&buf); err != nil {
		fmt.Println("start:", err)
		return
	}
	fmt.Println("enabled:", trace.IsEnabled())
	fmt.Println("second start:", runtime.StartTrace())
	trace.Stop()
	fmt.Println("enabled after stop:", trace.IsEnabled())
	fmt.Printf("header: %q\n", strings.TrimRight(buf.String()[:16], "\x00"))
	fmt.Println("has events:", buf.Len() > 16)
}
