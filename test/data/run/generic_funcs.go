package main

type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~float32 | ~float64
}

type Ordered interface {
	~int | ~int64 | ~float64 | ~string
}

type Celsius float64

type MyInt int

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Index[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

func Keys[K comparable, V any](m map[K]V) int {
	n := 0
	for range m {
		n++
	}
	return n
}

// Nested generics: a generic function calling others with its own type parameters.
func SumOfDoubles[T Number](xs []T) T {
	ds := Map(xs, func(x T) T { return x * 2 })
	return Sum(ds...)
}

func Convert[From, To Number](xs []From) []To {
	out := make([]To, len(xs))
	for i, x := range xs {
		out[i] = To(x)
	}
	return out
}

func Counter[T any]() func(T) int {
	n := 0
	return func(T) int {
		n++
		return n
	}
}

func Zero[T any]() T {
	var z T
	return z
}

func SendAll[T any](xs []T) <-chan T {
	c := make(chan T, len(xs))
	for _, x := range xs {
		c <- x
	}
	close(c)
	return c
}

func Describe[T any](x T) string {
	switch v := any(x).(type) {
	case int:
		if v > 0 {
			return "positive int"
		}
		return "int"
	case string:
		return "string " + v
	default:
		return "other"
	}
}

func Fact[T Number](n T) T {
	if n <= 1 {
		return 1
	}
	return n * Fact(n-1)
}

func main() {
	println(Sum(1, 2, 3), Sum(1.5, 2.25), Sum[int8](100, 27))
	println(Sum(Celsius(10), Celsius(22.5)) == 32.5)
	println(Max(3, 7), Max("abc", "abd"), Max[float64](2, 1.5))
	strs := Map([]int{1, 2, 3}, func(i int) string { return string(rune('a' + i)) })
	println(len(strs), strs[0], strs[2])
	evens := Filter([]int{1, 2, 3, 4, 5, 6}, func(i int) bool { return i%2 == 0 })
	println(len(evens), evens[0], evens[1], evens[2])
	total := Reduce([]string{"a", "bb", "ccc"}, 0, func(n int, s string) int { return n + len(s) })
	println(total)
	println(Index([]string{"x", "y", "z"}, "z"), Index([]MyInt{5, 6}, 7))
	println(Keys(map[string]bool{"a": true, "b": false}))
	println(SumOfDoubles([]int{1, 2, 3}), SumOfDoubles([]float64{0.25}))
	fl := Convert[int, float64]([]int{1, 2})
	println(fl[0]+fl[1], len(Convert[float64, int8]([]float64{1.9, 2.1})))
	c1 := Counter[string]()
	c1("a")
	c1("b")
	println(c1("c"))
	println(Zero[int](), Zero[string]() == "", Zero[*int]() == nil)
	for v := range SendAll([]string{"p", "q"}) {
		print(v, " ")
	}
	println()
	println(Describe(5), Describe("s"), Describe(2.5), Describe(MyInt(1)))
	println(Fact(5), Fact(5.0))
	f := Max[string]
	println(f("q", "r"))
	g := Sum[float64]
	println(g(1, 2) == 3)
}
