// Generics: constraints with ~ and methods, generic containers with methods, inference across calls,
// generic functional helpers, type switches on type parameters, and instantiation with many types.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint32 | ~float32 | ~float64
}

type Celsius float64

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
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

type Ordered interface {
	~int | ~string | ~float64
}

func SortedKeys[K Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, errors.New("empty stack")
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}
func (s Stack[T]) Len() int { return len(s.items) }

type List[T any] struct {
	head *node[T]
	size int
}
type node[T any] struct {
	v    T
	next *node[T]
}

func (l *List[T]) PushFront(v T) { l.head = &node[T]{v, l.head}; l.size++ }
func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.v)
	}
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=>%v", p.Key, p.Val) }

type Stringer interface{ String() string }

func JoinAll[T Stringer](xs []T, sep string) string {
	parts := Map(xs, func(x T) string { return x.String() })
	return strings.Join(parts, sep)
}

func Describe[T any](v T) string {
	switch x := any(v).(type) {
	case int:
		return fmt.Sprintf("int %d", x)
	case string:
		return fmt.Sprintf("string %q", x)
	case fmt.Stringer:
		return "stringer " + x.String()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)           { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool      { _, ok := s[v]; return ok }
func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

type Tree[T Ordered] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}
func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.25), Sum[Celsius](10, 20.5), Sum[int8](100, 27), Sum[uint32]())
	sq := Map([]int{1, 2, 3, 4}, func(i int) int { return i * i })
	strs := Map(sq, func(i int) string { return fmt.Sprint("#", i) })
	fmt.Println(sq, strs, Filter(sq, func(i int) bool { return i%2 == 0 }))
	fmt.Println(Reduce([]string{"a", "b", "c"}, 0, func(n int, s string) int { return n + len(s) }))
	fmt.Println(SortedKeys(map[string]int{"z": 1, "a": 2, "q": 3}), SortedKeys(map[float64]bool{2.5: true, -1: false}))
	var st Stack[string]
	st.Push("x")
	st.Push("y")
	v, err := st.Pop()
	fmt.Println(v, err, st.Len())
	st.Pop()
	_, err = st.Pop()
	fmt.Println(err)
	var l List[Pair[string, int]]
	l.PushFront(Pair[string, int]{"a", 1})
	l.PushFront(Pair[string, int]{"b", 2})
	l.Each(func(p Pair[string, int]) { fmt.Print(p, " ") })
	fmt.Println(l.size)
	fmt.Println(JoinAll([]Pair[int, bool]{{1, true}, {2, false}}, "; "))
	fmt.Println(Describe(5), Describe("s"), Describe(Pair[int, int]{1, 2}), Describe(3.5))
	s := Set[string]{}
	s.Add("go")
	fmt.Println(s.Has("go"), s.Has("rust"), len(s))
	fmt.Println(Max(3, 7), Max("abc", "abd"), Max[float64](2, 1.5))
	var root *Tree[string]
	for _, w := range strings.Fields("the quick brown fox jumps over the lazy dog") {
		root = root.Insert(w)
	}
	root.Walk(func(s string) { fmt.Print(s, " ") })
	fmt.Println()
	fmt.Printf("%T %T %T\n", st, l, Pair[string, []int]{})
	fmt.Printf("%v %+v\n", Pair[string, []int]{"k", []int{1}}, Stack[int]{[]int{1, 2}})
}
