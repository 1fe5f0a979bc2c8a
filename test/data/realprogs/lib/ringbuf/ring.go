// Package ringbuf is a generic fixed-capacity ring buffer with an io.Writer view over bytes.
package ringbuf

import (
	"errors"
	"fmt"
	"strings"
)

// ErrFull is returned by Push when the buffer holds Cap items.
var ErrFull = errors.New("ringbuf: full")

// Ring holds at most Cap items of type T.
type Ring[T any] struct {
	buf        []T
	head, size int
}

// New returns an empty ring of capacity n.
func New[T any](n int) *Ring[T] {
	if n <= 0 {
		panic(fmt.Sprintf("ringbuf: bad capacity %d", n))
	}
	return &Ring[T]{buf: make([]T, n)}
}

// Len is the number of items held.
func (r *Ring[T]) Len() int { return r.size }

// Cap is the capacity.
func (r *Ring[T]) Cap() int { return len(r.buf) }

// Push appends x, failing when full.
func (r *Ring[T]) Push(x T) error {
	if r.size == len(r.buf) {
		return ErrFull
	}
	r.buf[(r.head+r.size)%len(r.buf)] = x
	r.size++
	return nil
}

// Overwrite appends x, dropping the oldest item when full.
func (r *Ring[T]) Overwrite(x T) {
	if r.size == len(r.buf) {
		r.buf[r.head] = x
		r.head = (r.head + 1) % len(r.buf)
		return
	}
	r.Push(x)
}

// Pop removes the oldest item.
func (r *Ring[T]) Pop() (T, bool) {
	var zero T
	if r.size == 0 {
		return zero, false
	}
	x := r.buf[r.head]
	r.buf[r.head] = zero
	r.head = (r.head + 1) % len(r.buf)
	r.size--
	return x, true
}

// Items returns the items oldest first.
func (r *Ring[T]) Items() []T {
	out := make([]T, 0, r.size)
	for i := 0; i < r.size; i++ {
		out = append(out, r.buf[(r.head+i)%len(r.buf)])
	}
	return out
}

// String shows the items.
func (r *Ring[T]) String() string {
	parts := make([]string, 0, r.size)
	for _, x := range r.Items() {
		parts = append(parts, fmt.Sprint(x))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// Bytes is a ring of bytes that keeps the last Cap bytes written.
type Bytes struct{ Ring[byte] }

// NewBytes returns a byte ring of capacity n.
func NewBytes(n int) *Bytes { return &Bytes{*New[byte](n)} }

// Write keeps the tail of p.
func (b *Bytes) Write(p []byte) (int, error) {
	for _, c := range p {
		b.Overwrite(c)
	}
	return len(p), nil
}

// String returns the bytes kept.
func (b *Bytes) String() string { return string(b.Items()) }
