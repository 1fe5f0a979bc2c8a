package main

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(f func(int) int, x int) int { return f(x) }

func double(x int) int { return 2 * x }

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	c := counter()
	c()
	c()
	println(c())
	println(apply(double, 21), apply(func(x int) int { return x * x }, 9))
	var fs []func() int
	for i := 0; i < 3; i++ {
		j := i
		fs = append(fs, func() int { return j * 10 })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	println(fib(20))
	x := 1
	inc := func() { x++ }
	inc()
	inc()
	println(x)
	var g func(int) int
	g = func(n int) int {
		if n == 0 {
			return 0
		}
		return n + g(n-1)
	}
	println(g(100))
}
