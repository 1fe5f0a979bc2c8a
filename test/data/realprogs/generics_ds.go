// Generic data structures: ordered map (BST), Set, Stack, Map/Filter/Reduce, constraints and inference.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float32 | ~float64 | ~string
}

type Number interface {
	~int | ~int64 | ~float64
}

type node[K Ordered, V any] struct {
	k           K
	v           V
	left, right *node[K, V]
}

type TreeMap[K Ordered, V any] struct {
	root *node[K, V]
	n    int
}

func (t *TreeMap[K, V]) Put(k K, v V) {
	p := &t.root
	for *p != nil {
		switch {
		case k < (*p).k:
			p = &(*p).left
		case k > (*p).k:
			p = &(*p).right
		default:
			(*p).v = v
			return
		}
	}
	*p = &node[K, V]{k: k, v: v}
	t.n++
}

func (t *TreeMap[K, V]) Get(k K) (V, bool) {
	n := t.root
	for n != nil {
		if k < n.k {
			n = n.left
		} else if k > n.k {
			n = n.right
		} else {
			return n.v, true
		}
	}
	var zero V
	return zero, false
}

func (t *TreeMap[K, V]) Each(f func(K, V)) {
	var walk func(*node[K, V])
	walk = func(n *node[K, V]) {
		if n == nil {
			return
		}
		walk(n.left)
		f(n.k, n.v)
		walk(n.right)
	}
	walk(t.root)
}

type Set[T comparable] map[T]struct{}

func NewSet[T comparable](xs ...T) Set[T] {
	s := Set[T]{}
	for _, x := range xs {
		s[x] = struct{}{}
	}
	return s
}
func (s Set[T]) Has(x T) bool { _, ok := s[x]; return ok }
func (s Set[T]) Union(o Set[T]) Set[T] {
	r := NewSet[T]()
	for k := range s {
		r[k] = struct{}{}
	}
	for k := range o {
		r[k] = struct{}{}
	}
	return r
}

type Stack[T any] struct{ items []T }

var ErrEmpty = errors.New("empty stack")

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }
func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, ErrEmpty
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, nil
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, f func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if f(x) {
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

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Max[T Ordered](a T, rest ...T) T {
	m := a
	for _, x := range rest {
		if x > m {
			m = x
		}
	}
	return m
}

func Keys[M ~map[K]V, K Ordered, V any](m M) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}

type Pair[A, B any] struct {
	First  A
	Second B
}

func (p Pair[A, B]) String() string { return fmt.Sprintf("(%v, %v)", p.First, p.Second) }

func Zip[A, B any](as []A, bs []B) []Pair[A, B] {
	n := len(as)
	if len(bs) < n {
		n = len(bs)
	}
	out := make([]Pair[A, B], n)
	for i := 0; i < n; i++ {
		out[i] = Pair[A, B]{as[i], bs[i]}
	}
	return out
}

type MyInt int

type Stringer interface{ String() string }

func JoinAll[T Stringer](xs []T, sep string) string {
	return strings.Join(Map(xs, func(x T) string { return x.String() }), sep)
}

type List[T any] struct {
	head *elem[T]
}
type elem[T any] struct {
	val  T
	next *elem[T]
}

func (l *List[T]) Push(v T) { l.head = &elem[T]{v, l.head} }
func (l *List[T]) All() []T {
	var r []T
	for e := l.head; e != nil; e = e.next {
		r = append(r, e.val)
	}
	return r
}

func main() {
	var tm TreeMap[string, int]
	for i, w := range strings.Fields("pear apple fig apple kiwi banana") {
		tm.Put(w, i)
	}
	tm.Each(func(k string, v int) { fmt.Printf("%s=%d ", k, v) })
	v, ok := tm.Get("fig")
	v2, ok2 := tm.Get("nope")
	fmt.Println(tm.n, v, ok, v2, ok2)
	s := NewSet(1, 2, 3).Union(NewSet(3, 4))
	fmt.Println(len(s), s.Has(4), s.Has(5), Keys(s))
	var st Stack[Pair[string, float64]]
	st.Push(Pair[string, float64]{"pi", 3.14})
	st.Push(Pair[string, float64]{"e", 2.72})
	for {
		x, err := st.Pop()
		if err != nil {
			fmt.Println(err, x)
			break
		}
		fmt.Println(x)
	}
	nums := []int{1, 2, 3, 4, 5, 6}
	sq := Map(nums, func(x int) int { return x * x })
	ev := Filter(sq, func(x int) bool { return x%2 == 0 })
	fmt.Println(sq, ev, Reduce(ev, "", func(a string, x int) string { return a + fmt.Sprint(x) + ";" }))
	fmt.Println(Sum(1.5, 2.25), Sum[MyInt](1, 2, 3), Max("b", "a", "c"), Max[float64](1, 2.5))
	fmt.Printf("%v %T\n", Zip([]string{"a", "b", "c"}, []bool{true, false}), Zip([]int{1}, []MyInt{2}))
	fmt.Println(JoinAll(Zip([]int{1, 2}, []string{"x", "y"}), " & "))
	var l List[[]byte]
	l.Push([]byte("one"))
	l.Push([]byte("two"))
	fmt.Printf("%s %T\n", l.All(), l)
	fmt.Println(Keys(map[MyInt]bool{3: true, 1: false}))
}
