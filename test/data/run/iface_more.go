package main

type I interface{ M(int) int }
type T struct{ k int }

func (t T) M(x int) int { return t.k + x }

type S string

func (s S) String() string { return "S:" + string(s) }

type Err struct{ code int }

func (e *Err) Error() string { return "err code" }

func two() (int, string) { return 7, "seven" }

type Named int

func main() {
	f := I.M
	println(f(T{10}, 5))
	var a, b interface{} = two()
	println(a.(int), b.(string))
	var x interface{} = Named(3)
	switch x.(type) {
	case int:
		println("int")
	case Named:
		println("Named")
	}
	var s interface{} = S("q")
	_ = s
	var e error = &Err{1}
	println(e != nil)

	panic(e)
}
