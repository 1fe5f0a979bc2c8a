package main

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(fs []func(int) int, x int) (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = -1
		}
	}()
	for _, f := range fs {
		x = f(x)
	}
	return x
}

func main() {
	c := counter()
	go func(ch chan<- int) { ch <- c() }(make(chan int))
	var recv <-chan int
	_ = recv
	println(apply([]func(int) int{
		func(x int) int { return x + 1 },
		func(x int) int { return x * 2 },
	}, c()))
}
