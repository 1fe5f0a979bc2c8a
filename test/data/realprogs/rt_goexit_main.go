// runtime.Goexit in the main goroutine after the other goroutines finish: gc's "no goroutines" fatal error.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Println("worker", i, "done") 
		}(i)
		wg.Wait()
	}
	defer fmt.Println("deferred before Goexit completes")
	runtime.Goexit()
}
