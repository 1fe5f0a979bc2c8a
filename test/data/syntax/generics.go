package generics

type Number interface {
	~int | ~int64 | float64
}

type List[T any] struct {
	head *node[T]
}

type node[T any] struct {
	val  T
	next *node[T]
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type PtrConstraint[P *C, C any] interface{ *C }

type Array [N]int

const N = 4

func (l *List[T]) Push(v T) {
	l.head = &node[T]{val: v, next: l.head}
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[S ~[]E, E, R any](s S, f func(E) R) []R {
	r := make([]R, 0, len(s))
	for _, e := range s {
		r = append(r, f(e))
	}
	return r
}

func use() {
	_ = Sum[int](1, 2, 3)
	_ = Sum(1.5, 2.5)
	_ = Map[[]int, int, string]
	var p Pair[string, int]
	_ = p
	var l List[int]
	l.Push(1)
}
