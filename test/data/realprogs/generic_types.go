// Generic types with methods: numeric vectors and matrices, an evicting cache, an event bus, Option
// with FlatMap, a tree mapped to another element type, ~string joins and key-sorting by inferred keys.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Number interface{ ~int | ~float64 }

type Vec[T Number] []T

func (v Vec[T]) Sum() (s T) {
	for _, x := range v {
		s += x
	}
	return
}

func (v Vec[T]) Map(f func(T) T) Vec[T] {
	out := make(Vec[T], len(v))
	for i, x := range v {
		out[i] = f(x)
	}
	return out
}

type Matrix[T Number] [][]T

func Identity[T Number](n int) Matrix[T] {
	m := make(Matrix[T], n)
	for i := range m {
		m[i] = make([]T, n)
		m[i][i] = 1
	}
	return m
}

func (m Matrix[T]) Mul(o Matrix[T]) Matrix[T] {
	r := make(Matrix[T], len(m))
	for i := range m {
		r[i] = make([]T, len(o[0]))
		for j := range o[0] {
			for k := range o {
				r[i][j] += m[i][k] * o[k][j]
			}
		}
	}
	return r
}

type Cache[K comparable, V any] struct {
	data  map[K]V
	order []K
	cap   int
	onEvict func(K, V)
}

func NewCache[K comparable, V any](n int, ev func(K, V)) *Cache[K, V] {
	return &Cache[K, V]{data: map[K]V{}, cap: n, onEvict: ev}
}

func (c *Cache[K, V]) Put(k K, v V) {
	if _, ok := c.data[k]; !ok {
		c.order = append(c.order, k)
	}
	c.data[k] = v
	for len(c.order) > c.cap {
		old := c.order[0]
		c.order = c.order[1:]
		if c.onEvict != nil {
			c.onEvict(old, c.data[old])
		}
		delete(c.data, old)
	}
}

type Event[T any] struct {
	subs []func(T)
}

func (e *Event[T]) On(f func(T)) func() {
	e.subs = append(e.subs, f)
	i := len(e.subs) - 1
	return func() { e.subs[i] = nil }
}

func (e *Event[T]) Emit(v T) {
	for _, s := range e.subs {
		if s != nil {
			s(v)
		}
	}
}

type Stringish interface{ ~string }

func JoinAll[S Stringish](xs []S, sep S) S {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteString(string(sep))
		}
		b.WriteString(string(x))
	}
	return S(b.String())
}

type Color string

func SortBy[T any, K Number | ~string](xs []T, key func(T) K) {
	sort.SliceStable(xs, func(i, j int) bool { return key(xs[i]) < key(xs[j]) })
}

type Opt[T any] struct {
	v  T
	ok bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }
func None[T any]() Opt[T]    { return Opt[T]{} }
func (o Opt[T]) OrElse(d T) T {
	if o.ok {
		return o.v
	}
	return d
}
func (o Opt[T]) String() string {
	if !o.ok {
		return "None"
	}
	return fmt.Sprintf("Some(%v)", o.v)
}

func FlatMap[T, U any](o Opt[T], f func(T) Opt[U]) Opt[U] {
	if !o.ok {
		return None[U]()
	}
	return f(o.v)
}

type Tree[T any] struct {
	Val      T
	Children []*Tree[T]
}

func (t *Tree[T]) Walk(depth int, f func(int, T)) {
	f(depth, t.Val)
	for _, c := range t.Children {
		c.Walk(depth+1, f)
	}
}

func MapTree[T, U any](t *Tree[T], f func(T) U) *Tree[U] {
	out := &Tree[U]{Val: f(t.Val)}
	for _, c := range t.Children {
		out.Children = append(out.Children, MapTree(c, f))
	}
	return out
}

func main() {
	v := Vec[float64]{1, 2, 3.5}
	fmt.Println(v.Sum(), v.Map(func(x float64) float64 { return x * x }), Vec[int]{}.Sum())
	m := Identity[int](3)
	m[0][2] = 5
	fmt.Println(m.Mul(m))
	var evicted []string
	c := NewCache(2, func(k string, v int) { evicted = append(evicted, fmt.Sprint(k, v)) })
	for i, k := range []string{"a", "b", "a", "c", "d"} {
		c.Put(k, i)
	}
	fmt.Println(evicted, len(c.data))
	var ev Event[Color]
	off := ev.On(func(c Color) { fmt.Println("first", c) })
	ev.On(func(c Color) { fmt.Println("second", c) })
	ev.Emit("red")
	off()
	ev.Emit("blue")
	fmt.Println(JoinAll([]Color{"r", "g"}, "+"))
	type P struct {
		N string
		A int
	}
	ps := []P{{"x", 3}, {"y", 1}, {"z", 3}, {"w", 2}}
	SortBy(ps, func(p P) int { return p.A })
	fmt.Println(ps)
	SortBy(ps, func(p P) string { return p.N })
	fmt.Println(ps)
	o := FlatMap(Some(4), func(x int) Opt[string] { return Some(strings.Repeat("*", x)) })
	fmt.Println(o, FlatMap(None[int](), func(x int) Opt[bool] { return Some(true) }), o.OrElse("d"))
	fmt.Printf("%v %+v %T\n", o, None[float64](), o)
	t := &Tree[int]{1, []*Tree[int]{{2, nil}, {3, []*Tree[int]{{4, nil}}}}}
	st := MapTree(t, func(x int) string { return strings.Repeat("#", x) })
	st.Walk(0, func(d int, s string) { fmt.Println(strings.Repeat("  ", d) + s) })
}
