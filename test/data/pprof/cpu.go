// A CPU profile of a program that spends nearly all its CPU time in burnCPU: test/pprof.rs reads the
// profile with `go tool pprof -top` and expects burnCPU to hold most of the samples.
package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"syscall"
	"time"
)

var sink uint64

// cpuTime is the CPU time the process has used (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// burnCPU computes until the process has used d more CPU time: on a loaded machine that takes longer, but
// the profile holds as many samples.
//
//go:noinline
func burnCPU(d time.Duration) uint64 {
	x := uint64(1)
	for end := cpuTime() + d; cpuTime() < end; {
		for i := 0; i < 1000000; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
	}
	return x
}

func main() {
	f, err := os.Create(os.Args[1])
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	sink = burnCPU(300 * time.Millisecond)
	pprof.StopCPUProfile()
	if err := f.Close(); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println("done")
}
