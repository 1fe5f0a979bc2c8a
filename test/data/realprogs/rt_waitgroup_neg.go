// A negative WaitGroup counter panics with sync's message; nested panics print in order.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	defer func() {
		if r := recover(); r != nil {
			panic(fmt.Sprint("cleanup after: ", r))
		}
	}()
	wg.Add(1)
	wg.Done()
	wg.Done()
}
