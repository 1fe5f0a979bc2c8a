// Deadlock with several blocked goroutines (mutex, select, channel receive).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	a := make(chan int)
	b := make(chan string)
	for i := 0; i < 3; i++ {
		go func(i int) {
			select {
			case v := <-a:
				fmt.Println(v)
			case b <- "x":
			}
		}(i)
	}
	go func() { mu.Lock() }()
	fmt.Println("waiting")
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Wait()
}
