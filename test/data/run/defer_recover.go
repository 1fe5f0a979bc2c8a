package main

func f() (r int) {
	defer func() {
		r *= 2
	}()
	return 21
}

func g(n int) {
	for i := 0; i < n; i++ {
		defer println("loop", i)
	}
	defer func(x int) { println("arg", x) }(n)
	n = 100
}

func h() {
	defer func() {
		recover()
		println("recovered in h")
	}()
	var a []int
	_ = a[5]
}

func k() (x int) {
	defer func() { recover(); x = 7 }()
	var p *int
	return *p
}

func main() {
	println(f())
	g(3)
	h()
	println(k())
	defer println("main deferred")
	nested()
}

func nested() {
	defer func() {
		recover()
		panic("second")
	}()
	panic("first")
}
