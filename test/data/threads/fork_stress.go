// Fork stress: goroutines start processes (os/exec: fork, then Go code in the child up to exec) at
// different stack depths while other goroutines keep the runtime busy (channel operations, allocations,
// runtime.GC), so that another thread often holds the runtime lock at the moment of a fork. A child that
// waits for a lock it inherited taken never execs, and its parent hangs (test/run.rs runs this under a
// timeout).
package main

import (
	"fmt"
	"os/exec"
	"runtime"
	"sync"
)

var sink []byte

// depth calls itself n deep with a frame of 64 bytes, so that the next call starts at a different place
// in its stack.
func depth(n int) int {
	var buf [64]byte
	if n == 0 {
		return int(buf[0])
	}
	return depth(n-1) + int(buf[n%64])
}

func main() {
	stop := make(chan bool)
	var busy sync.WaitGroup
	for w := 0; w < 3; w++ {
		busy.Add(1)
		go func() {
			defer busy.Done()
			c := make(chan int)
			go func() {
				for v := range c {
					sink = make([]byte, v)
				}
			}()
			for i := 0; ; i++ {
				select {
				case <-stop:
					close(c)
					return
				case c <- i % 4096:
				}
				if i%64 == 0 {
					runtime.GC()
				}
			}
		}()
	}
	const forkers, runs = 4, 25
	var forks sync.WaitGroup
	for f := 0; f < forkers; f++ {
		forks.Add(1)
		go func(f int) {
			defer forks.Done()
			for i := 0; i < runs; i++ {
				depth((i*7 + f) % 50)
				if err := exec.Command("/bin/true").Run(); err != nil {
					panic(err)
				}
			}
		}(f)
	}
	forks.Wait()
	close(stop)
	busy.Wait()
	fmt.Println("processes run:", forkers*runs)
}
