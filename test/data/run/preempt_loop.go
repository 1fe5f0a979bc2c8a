// Goroutines that loop without calling anything are preempted (at loop back edges), so on one P the main
// goroutine's timer still fires and the program ends.
package main

import (
	"fmt"
	"runtime"
	"time"
)

var sink int

func spin() {
	x := 0
	for {
		x++
		if x < 0 {
			sink = x
		}
	}
}

func main() {
	runtime.GOMAXPROCS(1)
	go spin()
	go spin()
	time.Sleep(30 * time.Millisecond)
	runtime.GC()
	fmt.Println("main ran after the spinners")
}
