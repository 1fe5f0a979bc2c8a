// A panic in a goroutine kills the program while main waits; deferred calls in main do not run. The
// second worker starts only after the first has reported, and main waits on a channel the panicking worker
// never sends on.
package main

import "fmt"

func worker(id int, jobs []int, start <-chan bool, done chan<- int) {
	<-start
	total := 0
	for _, j := range jobs {
		total += 100 / j
	}
	fmt.Println("worker", id, total)
	done <- id
}

func main() {
	defer fmt.Println("main's defer must not run")
	first, second := make(chan bool), make(chan bool)
	done := make(chan int)
	go worker(1, []int{1, 2, 5}, first, done)
	go worker(2, []int{4, 0}, second, done)
	first <- true
	fmt.Println("done:", <-done)
	second <- true
	fmt.Println("unreachable:", <-done)
}
