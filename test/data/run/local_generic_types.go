// Generic types declared inside (non-generic) functions: several instantiations of one local type, types of
// the same name in different functions and blocks, recursive local generic types, and the type names in
// runtime messages (no `·N` suffix there, as in gc).
package main

type Fn[T any] func(T)

func conv(i interface{}) {
	defer func() {
		if e := recover(); e != nil {
			println(e.(error).Error())
		}
	}()
	type Y struct{ n int }
	_ = i.(Y)
}

func list() {
	type List[T any] struct {
		v    T
		next *List[T]
	}
	var l *List[int]
	for i := 0; i < 3; i++ {
		l = &List[int]{i, l}
	}
	for p := l; p != nil; p = p.next {
		println(p.v)
	}
	s := List[string]{v: "s"}
	println(s.v, s.next == nil)
	var i interface{} = s
	_, ok := i.(List[int])
	_, ok2 := i.(List[string])
	println(ok, ok2)
	conv(*l)
	conv(s)
}

func pairs() {
	type Pair[K comparable, V any] struct {
		k K
		v V
		f Fn[V]
	}
	p := Pair[string, float64]{"pi", 3.5, func(f float64) { println("f", f) }}
	p.f(p.v)
	q := Pair[int, bool]{1, true, nil}
	var i interface{} = q
	switch x := i.(type) {
	case Pair[string, float64]:
		println("string,float64", x.k)
	case Pair[int, bool]:
		println("int,bool", x.k, x.v)
	}
	conv(q)
	println(q.f == nil)
}

func blocks(n int) {
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			type M[K comparable] map[K]int
			m := M[string]{"a": i}
			println("even", m["a"], len(m))
		} else {
			type M[K comparable] []K
			m := M[int]{i, i}
			println("odd", m[1], len(m))
		}
	}
}

func main() {
	list()
	pairs()
	blocks(3)
}
