package main

func producer(c chan<- int, n int, done chan struct{}) {
	for i := 0; i < n; i++ {
		c <- i
	}
	done <- struct{}{}
}

func main() {
	a := make(chan int)
	b := make(chan int, 4)
	done := make(chan struct{})
	go producer(a, 50, done)
	go producer(b, 50, done)
	sa, sb, finished := 0, 0, 0
	for finished < 2 || len(b) > 0 {
		select {
		case x := <-a:
			sa += x
		case x, ok := <-b:
			if ok {
				sb += x
			}
		case <-done:
			finished++
		}
	}
	println(sa, sb)
	// fairness: both ready cases get chosen
	c1 := make(chan int, 100)
	c2 := make(chan int, 100)
	for i := 0; i < 100; i++ {
		c1 <- i
		c2 <- i
	}
	n1, n2 := 0, 0
	for i := 0; i < 100; i++ {
		select {
		case <-c1:
			n1++
		case <-c2:
			n2++
		}
	}
	println(n1 > 20, n2 > 20, n1+n2)
	var out chan int
	select {
	case out <- 1:
	default:
		println("nil send not ready")
	}
	lab := 0
L:
	for {
		select {
		case v := <-c1:
			lab += v
			if lab > 1000 {
				break L
			}
		default:
			break L
		}
	}
	println("lab", lab > 0)
	println(len(c1) >= 0, cap(c1), len(out), cap(out))
}
