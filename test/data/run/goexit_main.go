// The main goroutine ends in runtime.Goexit: its deferred calls run, the program goes on with the other
// goroutines, and one of them ends it.
package main

import (
	"fmt"
	"os"
	"runtime"
)

func main() {
	done, ack, finish := make(chan int), make(chan bool), make(chan bool)
	go func() {
		v := <-done
		fmt.Println("worker got", v)
		ack <- true
		<-finish
		for i := 0; i < 3; i++ {
			runtime.Gosched()
			fmt.Println("worker still runs", i)
		}
		os.Exit(3)
	}()
	defer close(finish)
	defer fmt.Println("main's deferred call runs")
	defer func() {
		done <- 7
		<-ack
	}()
	runtime.Goexit()
	fmt.Println("not reached")
}
