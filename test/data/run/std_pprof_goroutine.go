// Goroutine profiles: runtime.GoroutineProfile, runtime/pprof's "goroutine" profile at debug 1 and 2, and
// runtime.Stack(buf, true) see every goroutine of the program, each with its stack as of one snapshot:
// blocked on a channel, a mutex, a wait group, a condition, in a select, in a blocking system call, and
// the caller itself. The thread-creation profile has a record per thread. Frames of the runtime (gc's
// runtime.* functions and the hooks it gives other packages, named pkg.runtime_*) are left out of what is
// printed, since g1c's runtime is not Go code.
package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

func isRuntime(name string) bool {
	return strings.HasPrefix(name, "runtime.") || strings.Contains(name, ".runtime_")
}

// frames gives the functions of a stack, without the runtime's.
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

func receiver(c chan int)       { <-c }
func locker(mu *sync.Mutex)     { mu.Lock() }
func waiter(wg *sync.WaitGroup) { wg.Wait() }
func selecter(a, b chan int) {
	select {
	case <-a:
	case <-b:
	}
}
func condWaiter(mu *sync.Mutex, c *sync.Cond) { mu.Lock(); c.Wait(); mu.Unlock() }
func reader(fd int) {
	var b [1]byte
	syscall.Read(fd, b[:])
}

const want = 7 // the goroutines above and main

func snapshot() []string {
	recs := make([]runtime.StackRecord, 64)
	n, ok := runtime.GoroutineProfile(recs)
	if !ok {
		panic("no room")
	}
	var out []string
	for _, r := range recs[:n] {
		out = append(out, frames(r.Stack()))
	}
	return out
}

// settled tells whether every goroutine but the caller has blocked where it was meant to.
func settled() bool {
	buf := make([]byte, 1<<20)
	all := string(buf[:runtime.Stack(buf, true)])
	return strings.Count(all, "\ngoroutine ") == want-1 && !strings.Contains(all, "[runnable") &&
		strings.Contains(all, "[syscall")
}

func main() {
	c := make(chan int)
	var mu, cmu sync.Mutex
	mu.Lock()
	var wg sync.WaitGroup
	wg.Add(1)
	cond := sync.NewCond(&cmu)
	var p [2]int
	if err := syscall.Pipe(p[:]); err != nil {
		panic(err)
	}
	go receiver(c)
	go locker(&mu)
	go waiter(&wg)
	go selecter(c, c)
	go condWaiter(&cmu, cond)
	go reader(p[0])

	var stacks []string
	for i := 0; i < 1000; i++ {
		if settled() {
			break
		}
		time.Sleep(time.Millisecond)
	}
	stacks = snapshot()
	fmt.Println("goroutines:", len(stacks), runtime.NumGoroutine())
	fmt.Println("first is the caller:", stacks[0])
	sort.Strings(stacks[1:])
	for _, s := range stacks[1:] {
		fmt.Println("  ", s)
	}
	n, ok := runtime.GoroutineProfile(make([]runtime.StackRecord, 2))
	fmt.Println("no room:", n, ok)

	prof := pprof.Lookup("goroutine")
	fmt.Println("count:", prof.Count())
	var buf bytes.Buffer
	prof.WriteTo(&buf, 1)
	var lines []string
	for _, l := range strings.Split(buf.String(), "\n") {
		switch {
		case strings.HasPrefix(l, "goroutine profile:"):
			fmt.Println(l)
		case strings.HasPrefix(l, "#\t"):
			f := strings.Fields(l)
			name := f[2][:strings.LastIndex(f[2], "+")]
			if !isRuntime(name) {
				lines = append(lines, name)
			}
		}
	}
	sort.Strings(lines)
	fmt.Println("debug=1 frames:", strings.Join(lines, " "))

	buf.Reset()
	prof.WriteTo(&buf, 2)
	var states, funcs []string
	for _, l := range strings.Split(buf.String(), "\n") {
		switch {
		case strings.HasPrefix(l, "goroutine "):
			states = append(states, l[strings.Index(l, "["):])
		case l == "" || strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "created by "):
		default:
			name := l[:strings.LastIndex(l, "(")]
			if !isRuntime(name) {
				funcs = append(funcs, name)
			}
		}
	}
	sort.Strings(states)
	sort.Strings(funcs)
	fmt.Println("debug=2 states:", strings.Join(states, " "))
	fmt.Println("debug=2 frames:", strings.Join(funcs, " "))

	sb := make([]byte, 1<<20)
	sn := runtime.Stack(sb, true)
	fmt.Println("Stack(all) goroutines:", strings.Count(string(sb[:sn]), "\ngoroutine ")+1)

	tc := pprof.Lookup("threadcreate")
	recs := make([]runtime.StackRecord, 1000)
	tn, tok := runtime.ThreadCreateProfile(recs)
	fmt.Println("threads:", tn > 0, tok, tc.Count() > 0, len(recs[0].Stack()))
	_, tok = runtime.ThreadCreateProfile(nil)
	fmt.Println("threads with no room:", tok)

	var names []string
	for _, p := range pprof.Profiles() {
		names = append(names, p.Name())
	}
	fmt.Println("profiles:", strings.Join(names, " "))

	close(c)
	mu.Unlock()
	wg.Done()
	cmu.Lock()
	cond.Signal()
	cmu.Unlock()
	syscall.Write(p[1], []byte{1})
	for runtime.NumGoroutine() > 1 {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("all done:", len(snapshot()))
	_ = os.Stdout
}
