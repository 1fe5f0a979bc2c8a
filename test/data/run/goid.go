// Goroutine ids as gc numbers them: main is 1, gc's runtime goroutines take 2 to 4 and the finalizer
// goroutine (made when package os sets its first finalizer) 5, so the goroutines main starts before it
// first blocks are 6, 7, 8 (all from the main P's batch of 16). gc's own run varies: when its main
// goroutine has moved to another P during start-up (it waits for the background sweeper and scavenger),
// they come from that P's batch (18, 19, 20); goid.out is gc's run in which main kept its first P, which
// rt's start-up always gives.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func goid() string {
	b := make([]byte, 64)
	b = b[:runtime.Stack(b, false)]
	return strings.Fields(string(b))[1]
}

func main() {
	fmt.Println("main", goid())
	start := make(chan bool)
	ids := make(chan string, 3)
	for i := 0; i < 3; i++ {
		go func() {
			<-start
			ids <- goid()
		}()
	}
	close(start)
	got := map[string]bool{}
	for i := 0; i < 3; i++ {
		got[<-ids] = true
	}
	fmt.Println(got)
}
