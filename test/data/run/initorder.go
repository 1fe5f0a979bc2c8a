package main

var (
	a = b + c
	b = f("b")
	c = f("c")
	d = 3
)

func f(s string) int {
	println("init", s)
	return d
}

func init() {
	println("init func 1", a)
}

func init() {
	println("init func 2")
}

func main() {
	println(a, b, c, d)
}
