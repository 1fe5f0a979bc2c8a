package main

type T struct{ n int }

func (t T) show(s string) { println(s, t.n) }

func (t *T) inc() { t.n++ }

func named() (a, b int) {
	defer func() { a, b = b, a }()
	a, b = 1, 2
	return a + 10, b + 20
}

func unnamed() int {
	x := 5
	defer func() { x = 100 }()
	return x
}

func loop() {
	for i := 0; i < 4; i++ {
		defer func(n int) { print(n, " ") }(i)
	}
}

func methods() {
	t := T{1}
	defer t.show("value receiver sees")
	defer t.inc()
	t.n = 10
	defer println("builtin", t.n)
}

func recovered() (r int) {
	defer func() {
		recover()
		r = -1
	}()
	panic("boom")
}

func notDirect() {
	defer func() {
		helper := func() { recover() }
		helper()
	}()
}

func main() {
	println(named())
	println(unnamed())
	loop()
	println()
	methods()
	notDirect()
	println(recovered())
	var f func()
	defer func() {
		recover()
		println("nil func recovered")
	}()
	defer f()
	println("end of main")
}
