// Package initialization that blocks forever: gc's deadlock report shows the main goroutine locked to
// its thread (as runtime.main keeps it during initialization) and only the init function's frame.
package main

var c = make(chan int)

func init() {
	go func() { c <- 1 }()
	println(<-c)
}

func init() {
	defer func() { println("recovered", recover().(string)) }()
	panic("x")
}

func init() {
	<-c
}

func main() {}
