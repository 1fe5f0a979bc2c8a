// Two CPU-bound goroutines that never block or allocate: with two Ps they run at once, so the program takes
// about half the time it takes under GOMAXPROCS=1 (scripts/threads-speedup compares g1c with gc).
package main

import (
	"fmt"
	"sync"
)

func work(n int) uint64 {
	x := uint64(n)
	for i := 0; i < n; i++ {
		x = x*6364136223846793005 + 1442695040888963407
		x ^= x >> 29
	}
	return x
}

func main() {
	const n = 200_000_000
	var wg sync.WaitGroup
	res := make([]uint64, 2)
	for k := 0; k < 2; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			res[k] = work(n + k)
		}(k)
	}
	wg.Wait()
	fmt.Println(res[0] != res[1])
}
