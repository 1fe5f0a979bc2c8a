// select {} with nothing else running.
package main

import "fmt"

func main() {
	done := make(chan bool)
	go func() { fmt.Println("worker ran"); done <- true }()
	<-done
	select {}
}
