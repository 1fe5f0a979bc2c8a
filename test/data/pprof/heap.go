// A heap profile of a program that keeps most of its heap in objects allocated by allocKeep: test/pprof.rs
// reads the profile with `go tool pprof -top` and expects allocKeep to hold most of the bytes in use, and
// allocDrop, whose objects are garbage by then, most of the bytes allocated.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

var kept [][]byte

// allocKeep allocates n bytes in 4 KiB blocks and keeps them.
//
//go:noinline
func allocKeep(n int) {
	for i := 0; i < n/4096; i++ {
		kept = append(kept, make([]byte, 4096))
	}
}

var last []byte

// allocDrop allocates n bytes in 8 KiB blocks, keeping only the last.
//
//go:noinline
func allocDrop(n int) {
	for i := 0; i < n/8192; i++ {
		last = make([]byte, 8192)
	}
}

func main() {
	allocKeep(32 << 20)
	allocDrop(128 << 20)
	runtime.GC()
	f, err := os.Create(os.Args[1])
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println("done")
}
