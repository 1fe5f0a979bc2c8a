// A WaitGroup that is never done: every goroutine asleep.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	results := []int{}
	for i := 0; i < 3; i++ {
		wg.Add(2)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			results = append(results, i)
			mu.Unlock()
		}(i)
	}
	fmt.Println("waiting")
	wg.Wait()
	fmt.Println(results)
}
