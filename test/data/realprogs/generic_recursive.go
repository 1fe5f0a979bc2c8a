// Recursive generic functions whose type arguments are inferred from arguments of composite types that
// mention the function's own type parameters (`merge(a.left, b)` inside `merge[T]`).
package main

import (
	"fmt"
	"strings"
)

type node[T any] struct {
	left, right *node[T]
	v           T
}

func insert[T any](n *node[T], v T, less func(a, b T) bool) *node[T] {
	if n == nil {
		return &node[T]{v: v}
	}
	if less(v, n.v) {
		n.left = insert(n.left, v, less)
	} else {
		n.right = insert(n.right, v, less)
	}
	return n
}

func size[T any](n *node[T]) int {
	if n == nil {
		return 0
	}
	return 1 + size(n.left) + size(n.right)
}

func walk[T any](n *node[T], visit func(T)) {
	if n == nil {
		return
	}
	walk(n.left, visit)
	visit(n.v)
	walk(n.right, visit)
}

func flatten[T any](xss [][]T) []T {
	if len(xss) == 0 {
		return nil
	}
	return append(xss[0], flatten(xss[1:])...)
}

func countKeys[K comparable, V any](ms []map[K]V) int {
	if len(ms) == 0 {
		return 0
	}
	return len(ms[0]) + countKeys(ms[1:])
}

func apply[T any](fs []func(T) T, x T) T {
	if len(fs) == 0 {
		return x
	}
	return apply(fs[1:], fs[0](x))
}

type pair[A, B any] struct {
	a A
	b B
}

func swapAll[A, B any](ps []pair[A, B], depth int) []pair[A, B] {
	if depth == 0 {
		return ps
	}
	return swapAll(ps[:len(ps)-1], depth-1)
}

func drain[T any](ch chan T, acc []T) []T {
	select {
	case v, ok := <-ch:
		if !ok {
			return acc
		}
		return drain(ch, append(acc, v))
	}
}

func main() {
	var root *node[string]
	for _, w := range strings.Fields("m c x a e z b") {
		root = insert(root, w, func(a, b string) bool { return a < b })
	}
	var out []string
	walk(root, func(s string) { out = append(out, s) })
	fmt.Println(size(root), out)
	fmt.Println(flatten([][]int{{1, 2}, {3}, nil, {4, 5}}))
	fmt.Println(countKeys([]map[string]bool{{"a": true}, {"b": true, "c": false}}))
	fmt.Println(apply([]func(float64) float64{func(x float64) float64 { return x * 2 }, func(x float64) float64 { return x + 1 }}, 3))
	fmt.Println(len(swapAll([]pair[int, string]{{1, "a"}, {2, "b"}, {3, "c"}}, 2)))
	ch := make(chan rune, 4)
	for _, r := range "go!" {
		ch <- r
	}
	close(ch)
	fmt.Println(string(drain(ch, nil)))
}
