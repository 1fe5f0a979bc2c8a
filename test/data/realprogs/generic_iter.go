// Generics-heavy code: constraints with ~, generic containers, closure iterators, methods on instantiations.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string
}

type Number interface {
	~int | ~int64 | ~float64
}

type Celsius float64
type ID string

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "°C" }

type Iter[T any] func() (T, bool)

func FromSlice[T any](s []T) Iter[T] {
	i := 0
	return func() (T, bool) {
		if i >= len(s) {
			var zero T
			return zero, false
		}
		i++
		return s[i-1], true
	}
}

func Map[T, U any](it Iter[T], f func(T) U) Iter[U] {
	return func() (U, bool) {
		v, ok := it()
		if !ok {
			var zero U
			return zero, false
		}
		return f(v), true
	}
}

func Filter[T any](it Iter[T], pred func(T) bool) Iter[T] {
	return func() (T, bool) {
		for {
			v, ok := it()
			if !ok || pred(v) {
				return v, ok
			}
		}
	}
}

func Take[T any](it Iter[T], n int) Iter[T] {
	return func() (T, bool) {
		if n <= 0 {
			var zero T
			return zero, false
		}
		n--
		return it()
	}
}

func Collect[T any](it Iter[T]) []T {
	var out []T
	for v, ok := it(); ok; v, ok = it() {
		out = append(out, v)
	}
	return out
}

func Reduce[T, A any](it Iter[T], acc A, f func(A, T) A) A {
	for v, ok := it(); ok; v, ok = it() {
		acc = f(acc, v)
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

func MaxOf[T Ordered](xs ...T) (T, error) {
	if len(xs) == 0 {
		var zero T
		return zero, errors.New("empty")
	}
	m := xs[0]
	for _, x := range xs[1:] {
		if x > m {
			m = x
		}
	}
	return m, nil
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type OrderedMap[K Ordered, V any] struct {
	keys []K
	m    map[K]V
}

func NewOrderedMap[K Ordered, V any]() *OrderedMap[K, V] {
	return &OrderedMap[K, V]{m: make(map[K]V)}
}

func (om *OrderedMap[K, V]) Set(k K, v V) {
	if _, ok := om.m[k]; !ok {
		i := sort.Search(len(om.keys), func(i int) bool { return om.keys[i] >= k })
		om.keys = append(om.keys, k)
		copy(om.keys[i+1:], om.keys[i:])
		om.keys[i] = k
	}
	om.m[k] = v
}

func (om *OrderedMap[K, V]) Get(k K) (V, bool) { v, ok := om.m[k]; return v, ok }

func (om *OrderedMap[K, V]) All() Iter[Pair[K, V]] {
	i := 0
	return func() (Pair[K, V], bool) {
		if i >= len(om.keys) {
			return Pair[K, V]{}, false
		}
		k := om.keys[i]
		i++
		return Pair[K, V]{k, om.m[k]}, true
	}
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v ...T) { s.items = append(s.items, v...) }
func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}
func (s Stack[T]) Len() int { return len(s.items) }

type Set[T comparable] map[T]struct{}

func SetOf[T comparable](xs ...T) Set[T] {
	s := Set[T]{}
	for _, x := range xs {
		s[x] = struct{}{}
	}
	return s
}
func (s Set[T]) Has(x T) bool { _, ok := s[x]; return ok }
func Intersect[T comparable](a, b Set[T]) Set[T] {
	r := Set[T]{}
	for k := range a {
		if b.Has(k) {
			r[k] = struct{}{}
		}
	}
	return r
}

func Keys[M ~map[K]V, K Ordered, V any](m M) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}

type Stringer interface{ String() string }

func JoinS[T Stringer](xs []T, sep string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.String()
	}
	return strings.Join(parts, sep)
}

type List[T any] struct {
	head *node[T]
	size int
}
type node[T any] struct {
	v    T
	next *node[T]
}

func (l *List[T]) PushFront(v T) { l.head = &node[T]{v, l.head}; l.size++ }
func (l *List[T]) Each(f func(int, T)) {
	i := 0
	for n := l.head; n != nil; n = n.next {
		f(i, n.v)
		i++
	}
}

func Ptr[T any](v T) *T { return &v }

type Result[T any] struct {
	Val T
	Err error
}

func Try[T any](f func() (T, error)) (r Result[T]) {
	defer func() {
		if p := recover(); p != nil {
			r.Err = fmt.Errorf("panic: %v", p)
		}
	}()
	v, err := f()
	return Result[T]{v, err}
}

func main() {
	it := Map(Filter(FromSlice([]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), func(x int) bool { return x%2 == 0 }), func(x int) string { return strconv.Itoa(x * x) })
	fmt.Println(Collect(it))
	fmt.Println(Reduce(Take(FromSlice([]float64{1.5, 2.5, 3.5}), 2), 0.0, func(a, x float64) float64 { return a + x }))
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.25), Sum[Celsius](10, 20.5), Sum[int64]())
	fmt.Println(MaxOf("pear", "apple", "zoo"))
	fmt.Println(MaxOf[ID]())
	fmt.Println(MaxOf(Celsius(-3), Celsius(12.25)))
	om := NewOrderedMap[string, []int]()
	om.Set("b", []int{2})
	om.Set("a", []int{1})
	om.Set("c", nil)
	om.Set("a", []int{1, 1})
	fmt.Println(Collect(om.All()))
	v, ok := om.Get("zz")
	fmt.Println(v == nil, ok)
	om2 := NewOrderedMap[Celsius, Pair[ID, bool]]()
	om2.Set(5, Pair[ID, bool]{"x", true})
	om2.Set(-1, Pair[ID, bool]{"y", false})
	fmt.Printf("%v %+v\n", Collect(om2.All()), Collect(om2.All()))
	var st Stack[rune]
	st.Push([]rune("héllo")...)
	var sb strings.Builder
	for r, ok := st.Pop(); ok; r, ok = st.Pop() {
		sb.WriteRune(r)
	}
	fmt.Println(sb.String(), st.Len())
	a, b := SetOf(1, 2, 3, 4), SetOf(3, 4, 5)
	fmt.Println(Keys(Intersect(a, b)), Keys(map[ID]int{"q": 1, "p": 2}))
	fmt.Println(JoinS([]Celsius{1, 2.5, -4}, ", "))
	fmt.Println(JoinS([]Pair[string, int]{{"a", 1}, {"b", 2}}, "&"))
	var l List[Pair[int, string]]
	l.PushFront(Pair[int, string]{1, "one"})
	l.PushFront(Pair[int, string]{2, "two"})
	l.Each(func(i int, p Pair[int, string]) { fmt.Printf("%d:%v ", i, p) })
	fmt.Println(l.size)
	p := Ptr(Celsius(3))
	fmt.Println(*p, *Ptr("s"), *Ptr([]int{1}))
	fmt.Printf("%+v\n", Try(func() (int, error) { return strconv.Atoi("42") }))
	fmt.Printf("%+v\n", Try(func() (int, error) { return strconv.Atoi("x") }))
	fmt.Printf("%+v\n", Try(func() ([]int, error) { var s []int; return s[:1], nil }))
	fmt.Printf("%T %T %T\n", om, Pair[ID, []Celsius]{}, Iter[int](nil))
}
