// runtime.Goexit in main after other goroutines finish: gc's "no goroutines" fatal error; deferred calls run.
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	defer fmt.Println("main's deferred call runs")
	go func() {
		defer fmt.Println("goroutine's defer runs")
		time.Sleep(10 * time.Millisecond)
		fmt.Println("goroutine done")
	}()
	runtime.Goexit()
}
