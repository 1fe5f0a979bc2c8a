// log.Fatalf: the message on stderr, exit status 1, deferred calls skipped.
package main

import (
	"errors"
	"fmt"
	"log"
)

func main() {
	defer fmt.Println("deferred, never printed")
	log.SetFlags(0)
	err := fmt.Errorf("loading config: %w", errors.New("permission denied"))
	fmt.Println("starting")
	log.Fatalf("fatal: %v", err)
}
