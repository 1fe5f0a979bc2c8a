// Two goroutines that allocate and drop binary trees (the binary-trees workload, depth 16, split in two):
// with two Ps they allocate at once, so the program takes about half the time it takes under
// GOMAXPROCS=1 when allocation needs no shared lock (scripts/threads-speedup test/data/threads/alloc2.go).
package main

import (
	"fmt"
	"sync"
)

type node struct {
	left, right *node
}

func bottomUp(depth int) *node {
	if depth <= 0 {
		return &node{}
	}
	return &node{bottomUp(depth - 1), bottomUp(depth - 1)}
}

func (n *node) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func main() {
	const depth = 16
	const iters = 160
	var wg sync.WaitGroup
	res := make([]int, 2)
	for k := 0; k < 2; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			sum := 0
			for i := 0; i < iters; i++ {
				sum += bottomUp(depth).check()
			}
			res[k] = sum
		}(k)
	}
	wg.Wait()
	fmt.Println(res[0], res[1])
}
