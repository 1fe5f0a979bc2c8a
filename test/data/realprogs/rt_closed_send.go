// Sending on a closed channel, recovered once, then unrecovered; closing a closed and a nil channel.
package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	close(ch)
	v, ok := <-ch
	fmt.Println(v, ok)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		close(ch)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var n chan int
		close(n)
	}()
	ch <- 1
}
