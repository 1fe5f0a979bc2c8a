// A panic in a goroutine kills the program even while main waits; deferred calls in main do not run. Both
// goroutines are started before main first blocks, so their ids are gc's 6 and 7 (a goroutine started after
// main moved to another P would take an id from that P's batch).
package main

import (
	"fmt"
	"sync"
)

func worker(id int, jobs []int, start <-chan bool, wg *sync.WaitGroup) {
	defer wg.Done()
	<-start
	total := 0
	for _, j := range jobs {
		total += 100 / j
	}
	fmt.Println("worker", id, total)
}

func main() {
	defer fmt.Println("main's defer must not run")
	var wg sync.WaitGroup
	first, second := make(chan bool), make(chan bool)
	wg.Add(2)
	go worker(1, []int{1, 2, 5}, first, &wg)
	go worker(2, []int{4, 0}, second, &wg)
	first <- true
	second <- true
	wg.Wait()
	fmt.Println("unreachable")
}
