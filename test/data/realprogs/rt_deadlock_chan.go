// Receiving from a channel nobody sends on, with a range loop over an unclosed channel.
package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	go func() {
		for i := 0; i < 3; i++ {
			ch <- i * i
		}
	}()
	for v := range ch {
		fmt.Println(v)
	}
}
