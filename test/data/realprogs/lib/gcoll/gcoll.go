// Package gcoll holds generic containers: an ordered set on a treap, a deque and a priority queue.
package gcoll

import (
	"fmt"
	"strings"
)

// Ordered is the set of types < works on.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float32 | ~float64 | ~string
}

type tnode[T Ordered] struct {
	key         T
	prio        uint32
	left, right *tnode[T]
	size        int
}

func (n *tnode[T]) sz() int {
	if n == nil {
		return 0
	}
	return n.size
}

func (n *tnode[T]) fix() { n.size = 1 + n.left.sz() + n.right.sz() }

// TreeSet is an ordered set; the zero value is empty and ready.
type TreeSet[T Ordered] struct {
	root *tnode[T]
	seed uint32
}

func (s *TreeSet[T]) rand() uint32 {
	s.seed = s.seed*1664525 + 1013904223
	return s.seed
}

func split[T Ordered](n *tnode[T], k T) (l, r *tnode[T]) {
	if n == nil {
		return nil, nil
	}
	if n.key < k {
		n.right, r = split(n.right, k)
		n.fix()
		return n, r
	}
	l, n.left = split(n.left, k)
	n.fix()
	return l, n
}

func merge[T Ordered](a, b *tnode[T]) *tnode[T] {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	if a.prio > b.prio {
		a.right = merge(a.right, b)
		a.fix()
		return a
	}
	b.left = merge(a, b.left)
	b.fix()
	return b
}

// Add inserts k; it reports whether k was new.
func (s *TreeSet[T]) Add(k T) bool {
	if s.Has(k) {
		return false
	}
	l, r := split(s.root, k)
	s.root = merge(merge(l, &tnode[T]{key: k, prio: s.rand(), size: 1}), r)
	return true
}

// Has reports whether k is in the set.
func (s *TreeSet[T]) Has(k T) bool {
	n := s.root
	for n != nil {
		switch {
		case k < n.key:
			n = n.left
		case n.key < k:
			n = n.right
		default:
			return true
		}
	}
	return false
}

// Remove deletes k; it reports whether k was there.
func (s *TreeSet[T]) Remove(k T) bool {
	if !s.Has(k) {
		return false
	}
	l, r := split(s.root, k)
	// r's smallest is k.
	var drop func(n *tnode[T]) *tnode[T]
	drop = func(n *tnode[T]) *tnode[T] {
		if n.left == nil {
			return n.right
		}
		n.left = drop(n.left)
		n.fix()
		return n
	}
	s.root = merge(l, drop(r))
	return true
}

// Len is the number of elements.
func (s *TreeSet[T]) Len() int { return s.root.sz() }

// At is the i-th smallest element; it panics when i is out of range.
func (s *TreeSet[T]) At(i int) T {
	if i < 0 || i >= s.Len() {
		panic(fmt.Sprintf("gcoll: index %d out of range [0:%d]", i, s.Len()))
	}
	n := s.root
	for {
		if i < n.left.sz() {
			n = n.left
		} else if i == n.left.sz() {
			return n.key
		} else {
			i -= n.left.sz() + 1
			n = n.right
		}
	}
}

// Each calls f on the elements in order until f returns false.
func (s *TreeSet[T]) Each(f func(T) bool) {
	var walk func(n *tnode[T]) bool
	walk = func(n *tnode[T]) bool {
		return n == nil || (walk(n.left) && f(n.key) && walk(n.right))
	}
	walk(s.root)
}

func (s *TreeSet[T]) String() string {
	var b strings.Builder
	b.WriteByte('{')
	first := true
	s.Each(func(k T) bool {
		if !first {
			b.WriteByte(' ')
		}
		first = false
		fmt.Fprint(&b, k)
		return true
	})
	b.WriteByte('}')
	return b.String()
}

// Deque is a double-ended queue on a ring buffer.
type Deque[T any] struct {
	buf        []T
	head, size int
}

func (d *Deque[T]) grow() {
	n := len(d.buf) * 2
	if n == 0 {
		n = 4
	}
	nb := make([]T, n)
	for i := 0; i < d.size; i++ {
		nb[i] = d.buf[(d.head+i)%len(d.buf)]
	}
	d.buf, d.head = nb, 0
}

func (d *Deque[T]) PushBack(v T) {
	if d.size == len(d.buf) {
		d.grow()
	}
	d.buf[(d.head+d.size)%len(d.buf)] = v
	d.size++
}

func (d *Deque[T]) PushFront(v T) {
	if d.size == len(d.buf) {
		d.grow()
	}
	d.head = (d.head - 1 + len(d.buf)) % len(d.buf)
	d.buf[d.head] = v
	d.size++
}

func (d *Deque[T]) PopFront() (v T, ok bool) {
	if d.size == 0 {
		return v, false
	}
	v = d.buf[d.head]
	var zero T
	d.buf[d.head] = zero
	d.head = (d.head + 1) % len(d.buf)
	d.size--
	return v, true
}

func (d *Deque[T]) PopBack() (v T, ok bool) {
	if d.size == 0 {
		return v, false
	}
	i := (d.head + d.size - 1) % len(d.buf)
	v = d.buf[i]
	d.size--
	return v, true
}

func (d *Deque[T]) Len() int { return d.size }

// PQ is a binary heap ordered by less.
type PQ[T any] struct {
	items []T
	less  func(a, b T) bool
}

func NewPQ[T any](less func(a, b T) bool, items ...T) *PQ[T] {
	q := &PQ[T]{less: less}
	for _, it := range items {
		q.Push(it)
	}
	return q
}

func (q *PQ[T]) Push(v T) {
	q.items = append(q.items, v)
	i := len(q.items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !q.less(q.items[i], q.items[p]) {
			break
		}
		q.items[i], q.items[p] = q.items[p], q.items[i]
		i = p
	}
}

func (q *PQ[T]) Pop() T {
	top := q.items[0]
	last := len(q.items) - 1
	q.items[0] = q.items[last]
	q.items = q.items[:last]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(q.items) && q.less(q.items[l], q.items[m]) {
			m = l
		}
		if r < len(q.items) && q.less(q.items[r], q.items[m]) {
			m = r
		}
		if m == i {
			return top
		}
		q.items[i], q.items[m] = q.items[m], q.items[i]
		i = m
	}
}

func (q *PQ[T]) Len() int { return len(q.items) }
