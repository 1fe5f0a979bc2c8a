package main

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"
)

// A defer that runs at most once per call keeps its record in the frame (no allocation, as gc's
// deferprocStack); one in a loop or behind a goto allocates. Both must run in order, see their arguments as
// evaluated at the defer, survive deep stacks and panics, and recover.

var mu sync.Mutex
var log []string

func note(s string) { log = append(log, s) }

func locked(n int) int {
	mu.Lock()
	defer mu.Unlock()
	return n * 2
}

func twoDefers(a, b int) (r int) {
	defer func() { r += a }()
	defer func(x int) { r *= x }(b)
	return 10
}

func inLoop(n int) {
	for i := 0; i < n; i++ {
		defer note(fmt.Sprint("loop", i))
	}
}

func withGoto(n int) {
	i := 0
again:
	defer note(fmt.Sprint("goto", i))
	i++
	if i < n {
		goto again
	}
}

func deep(n int) int {
	if n == 0 {
		return 0
	}
	var big [64]int
	big[n%64] = n
	defer func() { big[0]++ }()
	return deep(n-1) + big[n%64]
}

func recovers() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	defer note("before the panic reaches recover")
	var m map[string]int
	m["x"] = 1
	return nil
}

func nestedPanics() (s string) {
	defer func() { s = fmt.Sprint(recover()) }()
	defer func() { panic(errors.New("second")) }()
	panic("first")
}

func goexit(done chan string) {
	defer func() { done <- "goexit ran defers" }()
	defer note("goexit inner")
	runtime.Goexit()
}

func main() {
	fmt.Println(locked(21), twoDefers(3, 4))
	inLoop(3)
	withGoto(3)
	fmt.Println(deep(200))
	fmt.Println(recovers())
	fmt.Println(nestedPanics())
	done := make(chan string)
	go goexit(done)
	fmt.Println(<-done)
	fmt.Println(log)
	fmt.Println("allocs:", testing.AllocsPerRun(100, func() { locked(1) }))
}
