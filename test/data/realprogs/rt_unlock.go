// Unlocking an unlocked mutex is a fatal error that recover cannot catch.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	defer func() { fmt.Println("recover sees:", recover()) }()
	mu.Lock()
	mu.Unlock()
	fmt.Println("about to unlock twice")
	mu.Unlock()
}
