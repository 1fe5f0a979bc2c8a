// Scheduler stress: goroutines that hand work to each other through every way rt can park and ready one
// (unbuffered and buffered channels, select with timers, sync.Mutex, sync.Cond, sync.WaitGroup,
// time.Sleep, runtime.Gosched), while others stop the world (runtime.GC, runtime.ReadMemStats) and the
// main goroutine lowers GOMAXPROCS around work longer than a time slice and raises it again, as math/big's
// TestMulUnbalanced does. Bounded: a fixed number of rounds whose results are checked and printed, so a
// lost wake-up shows as a hang (test/run.rs runs it at several GOMAXPROCS under a timeout).
package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"
)

var sink uint64

// spin works on the CPU for at least d without blocking, so that sysmon ends its time slice.
func spin(d time.Duration) {
	t0 := time.Now()
	x := sink
	for time.Since(t0) < d {
		for i := 0; i < 1000; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
	}
	sink = x
}

// pingPong passes a counter n times back and forth between two goroutines over unbuffered channels.
func pingPong(n int) int {
	a, b := make(chan int), make(chan int)
	go func() {
		for v := range a {
			b <- v + 1
		}
		close(b)
	}()
	v := 0
	for i := 0; i < n; i++ {
		a <- v
		v = <-b
	}
	close(a)
	<-b
	return v
}

// fanOut runs k workers that add to a shared total under a mutex, yield, sleep up to a millisecond and
// select on a timer; the result is independent of the schedule.
func fanOut(k int, seed int) int {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for w := 0; w < k; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				mu.Lock()
				total += w*i + seed
				mu.Unlock()
				switch (w + i + seed) % 4 {
				case 0:
					runtime.Gosched()
				case 1:
					time.Sleep(time.Duration((w*7+i)%10) * 100 * time.Microsecond)
				case 2:
					select {
					case <-time.After(time.Duration(i%3) * 50 * time.Microsecond):
					}
				case 3:
					time.Sleep(0)
				}
			}
		}(w)
	}
	wg.Wait()
	return total
}

// relay sends values through a ring of goroutines joined by buffered channels, with a sync.Cond barrier
// that releases them all at once.
func relay(stages, n int) int {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	started := false
	first := make(chan int, 4)
	in := first
	for s := 0; s < stages; s++ {
		out := make(chan int, s%3)
		go func(in <-chan int, out chan<- int) {
			mu.Lock()
			for !started {
				cond.Wait()
			}
			mu.Unlock()
			for v := range in {
				out <- v + 1
			}
			close(out)
		}(in, out)
		in = out
	}
	mu.Lock()
	started = true
	cond.Broadcast()
	mu.Unlock()
	go func() {
		for i := 0; i < n; i++ {
			first <- i
		}
		close(first)
	}()
	sum := 0
	for v := range in {
		sum += v
	}
	return sum
}

func main() {
	procs := runtime.GOMAXPROCS(0)
	// A goroutine asleep until long after the program ends keeps a thread asleep in the poller.
	go func() { time.Sleep(time.Hour) }()

	// A stopper stops the world over and over while the rounds' goroutines run, and waits meanwhile.
	pause, resume := make(chan bool), make(chan bool)
	stops := 0
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-pause:
				pause <- true
				if !<-resume {
					close(pause)
					return
				}
			default:
			}
			if stops%2 == 0 {
				runtime.ReadMemStats(&ms)
			} else {
				runtime.GC()
			}
			stops++
			time.Sleep(200 * time.Microsecond)
		}
	}()

	const rounds = 12
	for r := 0; r < rounds; r++ {
		pp := pingPong(500)
		fo := fanOut(8, r)
		rl := relay(6, 200)
		if pp != 500 || fo != fanOutWant(8, r) || rl != 200*199/2+6*200 {
			fmt.Println("round", r, "wrong:", pp, fo, rl)
			os.Exit(1)
		}
		// As TestMulUnbalanced: one P around work that outlives a time slice, then the Ps back, with no
		// timer due soon (the stopper waits).
		pause <- true
		<-pause
		old := runtime.GOMAXPROCS(1)
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		spin(12 * time.Millisecond)
		runtime.ReadMemStats(&ms)
		runtime.GOMAXPROCS(old)
		resume <- r < rounds-1
		if r == rounds-1 {
			fmt.Println("rounds", rounds, "ping-pong", pp, "fan-out", fo, "relay", rl)
		}
	}
	<-pause
	if stops == 0 {
		fmt.Println("the stopper never ran")
		os.Exit(1)
	}
	if runtime.GOMAXPROCS(0) != procs {
		fmt.Println("GOMAXPROCS not restored")
		os.Exit(1)
	}
}

// fanOutWant is fanOut's total computed directly.
func fanOutWant(k, seed int) int {
	t := 0
	for w := 0; w < k; w++ {
		for i := 0; i < 20; i++ {
			t += w*i + seed
		}
	}
	return t
}
