package main

var counter = next()
var base = 10

func next() int {
	base++
	return base
}

func init() {
	println("init 1", counter, base)
}

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func apply(f func(int) int, x int) int { return f(x) }

func swap(a, b string) (string, string) { return b, a }

func makeAdder(k int) func(int) int {
	return func(x int) int { return x + k }
}

func init() {
	println("init 2")
}

func main() {
	println(fib(15))
	add5 := makeAdder(5)
	println(apply(add5, 1), apply(fib, 10))
	n := 0
	inc := func() {
		n++
		func() { n += 10 }()
	}
	inc()
	inc()
	println(n)
	var fs []func() int
	for i := 0; i < 3; i++ {
		j := i
		fs = append(fs, func() int { return j * j })
	}
	for _, f := range fs {
		print(f(), " ")
	}
	println()
	x, y := swap("a", "b")
	x, y = y, x
	println(x, y)
	var g func()
	_ = g
	arr := []int{1, 2, 3}
	i := 0
	i, arr[i] = 1, 9
	println(i, arr[0], arr[1])
}
