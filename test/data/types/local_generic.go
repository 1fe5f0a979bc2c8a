package main

func main() {
	type List[T any] struct {
		v    T
		next *List[T]
	}
	l := &List[int]{v: 1}
	l.next = &List[int]{v: 2}
	s := List[string]{v: "s"}
	_, _ = l, s
}
