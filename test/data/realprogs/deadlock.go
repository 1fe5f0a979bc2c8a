// Every goroutine blocked: gc's fatal error and exit status 2.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	ch := make(chan int)
	wg.Add(1)
	go func() {
		defer wg.Done()
		ch <- 1
	}()
	fmt.Println(<-ch)
	wg.Add(1)
	wg.Wait()
}
