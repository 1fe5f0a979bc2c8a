// Closing a closed channel in a goroutine after output: panic message and exit 2.
package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int, 3)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for v := range ch {
			fmt.Println("got", v)
		}
	}()
	ch <- 1
	ch <- 2
	close(ch)
	wg.Wait()
	defer fmt.Println("deferred runs before the crash")
	close(ch)
}
