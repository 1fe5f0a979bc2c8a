package main

type E struct{ s string }

func (e E) Error() string { return "E:" + e.s }

func try(f func()) {
	defer func() {
		r := recover()
		switch v := r.(type) {
		case string:
			println("string", v)
		case error:
			println("error", v.Error())
		case int:
			println("int", v)
		default:
			println("other")
		}
	}()
	f()
}

func main() {
	try(func() { panic("boom") })
	try(func() { panic(E{"x"}) })
	try(func() { panic(42) })
	try(func() {
		var m map[string]int
		m["a"] = 1
	})
	try(func() {
		var i interface{} = 1
		_ = i.(string)
	})
	defer func() { println("deferred") }()
	panic(E{"final"})
}
