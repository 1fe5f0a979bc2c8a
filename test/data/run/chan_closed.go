package main

func main() {
	c := make(chan int, 1)
	c <- 1
	close(c)
	v, ok := <-c
	println(v, ok)
	v, ok = <-c
	println(v, ok)
	defer func() {
		recover()
		var n chan int
		defer func() {
			recover()
			println("close of nil recovered")
			close(c)
		}()
		close(n)
	}()
	c <- 2
}
