// Generic containers as libraries write them: a typed LRU-ish cache with constraints, Map/Filter/Reduce,
// a generic ordered set with sort, generic methods printed through fmt (%T of instances), and errors.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Ordered interface {
	~int | ~int64 | ~float64 | ~string
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

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type Set[T Ordered] struct{ m map[T]struct{} }

func NewSet[T Ordered](xs ...T) *Set[T] {
	s := &Set[T]{m: map[T]struct{}{}}
	for _, x := range xs {
		s.Add(x)
	}
	return s
}

func (s *Set[T]) Add(x T)           { s.m[x] = struct{}{} }
func (s *Set[T]) Has(x T) bool      { _, ok := s.m[x]; return ok }
func (s *Set[T]) Len() int          { return len(s.m) }
func (s *Set[T]) Union(o *Set[T]) *Set[T] {
	r := NewSet[T]()
	for k := range s.m {
		r.Add(k)
	}
	for k := range o.m {
		r.Add(k)
	}
	return r
}
func (s *Set[T]) Sorted() []T {
	out := make([]T, 0, len(s.m))
	for k := range s.m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
func (s *Set[T]) String() string { return fmt.Sprint(s.Sorted()) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Cache[K comparable, V any] struct {
	items map[K]V
	order []K
	limit int
}

var ErrMiss = errors.New("cache miss")

func (c *Cache[K, V]) Put(k K, v V) {
	if c.items == nil {
		c.items = map[K]V{}
	}
	if _, ok := c.items[k]; !ok {
		c.order = append(c.order, k)
	}
	c.items[k] = v
	if len(c.order) > c.limit {
		delete(c.items, c.order[0])
		c.order = c.order[1:]
	}
}

func (c *Cache[K, V]) Get(k K) (V, error) {
	v, ok := c.items[k]
	if !ok {
		var zero V
		return zero, fmt.Errorf("key %v: %w", k, ErrMiss)
	}
	return v, nil
}

type Celsius float64
type ID int64

func Max[T Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	words := strings.Fields("the quick brown fox jumps over the lazy dog")
	lens := Map(words, func(s string) int { return len(s) })
	long := Filter(words, func(s string) bool { return len(s) > 4 })
	joined := Reduce(words, "", func(a string, w string) string { return a + strings.ToUpper(w[:1]) })
	fmt.Println(lens, long, joined, Sum(lens...), Sum(1.5, 2.25), Sum[Celsius](10, 20.5), Sum[ID](1, 2, 3))
	s1, s2 := NewSet(words...), NewSet("cat", "dog", "emu")
	u := s1.Union(s2)
	fmt.Println(u, u.Len(), u.Has("fox"), u.Has("cow"), NewSet(3, 1, 2))
	fmt.Printf("%T %T %T %v\n", s1, Pair[string, []int]{}, Map[int, string], Pair[ID, Celsius]{7, 36.6})
	c := &Cache[string, Pair[int, bool]]{limit: 2}
	c.Put("a", Pair[int, bool]{1, true})
	c.Put("b", Pair[int, bool]{2, false})
	c.Put("c", Pair[int, bool]{3, true})
	for _, k := range []string{"a", "b", "c"} {
		v, err := c.Get(k)
		fmt.Printf("%s: %+v %v %v\n", k, v, err, errors.Is(err, ErrMiss))
	}
	fmt.Println(Max(3, 7), Max("abc", "abd"), Max[Celsius](-1, -2), Max(2.5, 1e-3))
}
