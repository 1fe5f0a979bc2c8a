package main

func main() {
	c := make(chan int, 2)
	c <- 7
	c <- 8
	close(c)
	var i interface{}
	for i = range c {
		println(i.(int))
	}
	d := make(chan string, 1)
	d <- "s"
	var j interface{}
	var ok bool
	select {
	case j, ok = <-d:
	}
	println(j.(string), ok)
}
