// The block profile: with runtime.SetBlockProfileRate(1) every blocking event is recorded with the stack
// of the goroutine that blocked (a channel receive and send, select, sync.Mutex, sync.RWMutex,
// sync.WaitGroup and sync.Cond), its count and the CPU ticks it waited; runtime/pprof's "block" profile
// prints them. Rate 0 turns recording off. Frames of the runtime (gc's runtime.* and the hooks it gives
// other packages, pkg.runtime_*) are left out of what is printed, since g1c's runtime is not Go code.
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"time"
)

func isRuntime(name string) bool {
	return strings.HasPrefix(name, "runtime.") || strings.Contains(name, ".runtime_")
}

func frames(stk []uintptr) string {
	var names []string
	fs := runtime.CallersFrames(stk)
	for {
		f, more := fs.Next()
		if f.Function != "" && !isRuntime(f.Function) {
			names = append(names, f.Function)
		}
		if !more {
			break
		}
	}
	return strings.Join(names, " < ")
}

const pause = 20 * time.Millisecond

func later(f func()) {
	go func() {
		time.Sleep(pause)
		f()
	}()
}

func blockRecv() {
	c := make(chan int)
	later(func() { c <- 1 })
	<-c
}

func blockSend() {
	c := make(chan int)
	later(func() { <-c })
	c <- 1
}

func blockSelect() {
	a, b := make(chan int), make(chan int)
	later(func() { b <- 1 })
	select {
	case <-a:
	case <-b:
	}
}

func blockMutex() {
	var mu sync.Mutex
	mu.Lock()
	later(mu.Unlock)
	mu.Lock()
}

func blockRWMutex() {
	var mu sync.RWMutex
	mu.Lock()
	later(mu.Unlock)
	mu.RLock()
}

func blockWaitGroup() {
	var wg sync.WaitGroup
	wg.Add(1)
	later(wg.Done)
	wg.Wait()
}

func blockCond() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	done := false
	later(func() {
		mu.Lock()
		done = true
		mu.Unlock()
		c.Broadcast()
	})
	mu.Lock()
	for !done {
		c.Wait()
	}
	mu.Unlock()
}

func main() {
	runtime.SetBlockProfileRate(1)
	blockRecv()
	blockSend()
	blockSelect()
	blockMutex()
	blockRWMutex()
	blockWaitGroup()
	blockCond()
	runtime.SetBlockProfileRate(0)
	blockRecv()

	n, ok := runtime.BlockProfile(nil)
	fmt.Println("records:", n >= 7, ok)
	recs := make([]runtime.BlockProfileRecord, n+10)
	n, ok = runtime.BlockProfile(recs)
	fmt.Println("with room:", ok)
	seen := map[string]bool{}
	var stacks []string
	for _, r := range recs[:n] {
		s := frames(r.Stack())
		if !strings.Contains(s, "main.block") || seen[s] {
			continue
		}
		seen[s] = true
		long := r.Cycles > 0 && r.Count >= 1
		stacks = append(stacks, fmt.Sprintf("%s: %v", s, long))
	}
	sort.Strings(stacks)
	for _, s := range stacks {
		fmt.Println("  ", s)
	}

	var buf bytes.Buffer
	pprof.Lookup("block").WriteTo(&buf, 1)
	text := buf.String()
	fmt.Println("header:", strings.HasPrefix(text, "--- contention:\ncycles/second="))
	var names []string
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "#\t") {
			f := strings.Fields(l)
			name := f[2][:strings.LastIndex(f[2], "+")]
			if strings.HasPrefix(name, "main.block") && !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	fmt.Println("debug=1:", strings.Join(names, " "))
}
