package main

func main() {
	c := make(chan int)
	go func() { c <- 1; select {} }()
	<-c
	var nilc chan int
	go func() { <-nilc }()
	<-c
}
