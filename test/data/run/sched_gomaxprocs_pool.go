package main

import (
	"fmt"
	"runtime"
	"sync"
)

// sync.Pool indexes per-P arrays of GOMAXPROCS entries with the P id runtime_procPin gives: after
// GOMAXPROCS goes down, a goroutine whose thread still holds a P beyond the new setting must not see that
// id. The main goroutine raises GOMAXPROCS, keeps many threads busy, lowers it again and uses pools at once,
// as testing's tRunner does through fmt after a test that changed GOMAXPROCS.
func main() {
	old := runtime.GOMAXPROCS(0)
	got := 0
	for round := 0; round < 20; round++ {
		runtime.GOMAXPROCS(8)
		var wg sync.WaitGroup
		for i := 0; i < 16; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s := 0
				for j := 0; j < 20000; j++ {
					s += j
				}
				_ = fmt.Sprint(s)
			}()
		}
		wg.Wait()
		runtime.GOMAXPROCS(1)
		var p sync.Pool
		p.Put(new(int))
		if _, ok := p.Get().(*int); ok {
			got++
		}
		_ = fmt.Sprintf("%d", round)
	}
	runtime.GOMAXPROCS(old)
	fmt.Println("rounds:", got > 0)
}
