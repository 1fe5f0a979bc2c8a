package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
)

// Goroutines locked to their threads make system calls while others keep every P busy: a locked goroutine
// that leaves a system call with no idle P must get one handed back on its own thread.
func main() {
	runtime.GOMAXPROCS(2)
	const N = 16
	var wg sync.WaitGroup
	start := make(chan bool)
	results := make(chan int, N)
	for i := 0; i < N; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if i%2 == 1 {
				runtime.LockOSThread()
				defer runtime.UnlockOSThread()
			}
			<-start
			n := 0
			for j := 0; j < 200; j++ {
				if _, err := os.Stat("."); err == nil {
					n++
				}
				if j%10 == 0 {
					runtime.Gosched()
				}
			}
			results <- n
		}(i)
	}
	close(start)
	wg.Wait()
	close(results)
	total := 0
	for n := range results {
		total += n
	}
	fmt.Println("stats:", total)
}
