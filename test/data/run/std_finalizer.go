// runtime.SetFinalizer: a finalizer runs on its own goroutine once its object is unreachable, once; a removed
// finalizer never runs; a reachable object keeps its finalizer waiting.
package main

import (
	"os"
	"runtime"
	"strconv"
	"time"
)

type res struct {
	id   int
	data [64]byte
}

var log = make(chan string, 100)

func newRes(id int) *res {
	r := &res{id: id}
	runtime.SetFinalizer(r, func(r *res) { log <- "finalized " + strconv.Itoa(r.id) })
	return r
}

type closer interface{ Close() }

func (r *res) Close() { log <- "closed " + strconv.Itoa(r.id) }

var keep *res

// setup makes the objects in a frame of its own, so that no pointer to them is left in main's frame.
func setup() {
	for i := 0; i < 3; i++ {
		newRes(i)
	}
	keep = newRes(100)
	r := &res{id: 7}
	runtime.SetFinalizer(r, func(c closer) { c.Close() })
	u := newRes(50)
	runtime.SetFinalizer(u, nil)
}

// clobber overwrites the stack below main's frame with zeros (a collector that scans stacks
// conservatively would otherwise see setup's stale pointers).
func clobber(n int) int {
	var x [64]int
	if n == 0 {
		return x[0]
	}
	return clobber(n-1) + x[n%64]
}

func main() {
	setup()
	clobber(20)
	for i := 0; i < 5; i++ {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	got := map[string]bool{}
	for len(log) > 0 {
		got[<-log] = true
	}
	for _, s := range []string{"finalized 0", "finalized 1", "finalized 2", "closed 7", "finalized 50", "finalized 100"} {
		os.Stdout.WriteString(s + ": " + strconv.FormatBool(got[s]) + "\n")
	}
	runtime.KeepAlive(keep)
}
