package main

// A channel-heavy loop: a pipeline of goroutines passing integers through unbuffered and buffered channels.

func stage(in <-chan int, out chan<- int) {
	for v := range in {
		out <- v + 1
	}
	close(out)
}

func main() {
	const stages = 10
	const n = 200000
	first := make(chan int)
	in := first
	for i := 0; i < stages; i++ {
		out := make(chan int, i%3)
		go stage(in, out)
		in = out
	}
	go func() {
		for i := 0; i < n; i++ {
			first <- i
		}
		close(first)
	}()
	sum := 0
	for v := range in {
		sum += v
	}
	println(sum)
}
