package main

type T struct{ a, b int }

func worker(id int, in chan int, out chan T) {
	for v := range in {
		out <- T{id, v * v}
	}
	close(out)
}

func main() {
	in := make(chan int, 10)
	out := make(chan T)
	go worker(7, in, out)
	for i := 0; i < 5; i++ {
		in <- i
	}
	close(in)
	sum := 0
	for t := range out {
		println(t.a, t.b)
		sum += t.b
	}
	println("sum", sum, len(in), cap(in))
	v, ok := <-out
	println(v.a, ok)
	done := make(chan bool)
	data := make(chan string)
	go func() {
		for {
			select {
			case s := <-data:
				println("got", s)
			case <-done:
				println("done")
				done <- true
				return
			}
		}
	}()
	data <- "a"
	data <- "b"
	done <- true
	<-done
	select {
	case x := <-in:
		println("closed recv", x)
	default:
		println("default")
	}
	var nilc chan int
	select {
	case nilc <- 1:
		println("bad")
	default:
		println("nil default")
	}
	// chain
	const N = 1000
	first := make(chan int)
	left := first
	for i := 0; i < N; i++ {
		right := make(chan int)
		go func(l, r chan int) { l <- 1 + <-r }(left, right)
		left = right
	}
	left <- 0
	println(<-first)
	c := make(chan int)
	go func() { c <- 1 }()
	<-c
	<-c
}
