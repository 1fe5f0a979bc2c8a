// unsafe.Sizeof, Alignof and Offsetof of values whose types depend on type parameters: not constants,
// computed per instance.
package main

import "unsafe"

func F[T any]() uintptr {
	var t T
	return unsafe.Sizeof(t)
}

func G[T any]() uintptr {
	var t T
	return unsafe.Alignof(t)
}

type S[T any] struct {
	a byte
	b T
}

func O[T any]() uintptr {
	var s S[T]
	return unsafe.Offsetof(s.b)
}

func main() {
	println(F[int64](), G[int8](), F[[3]int16](), G[complex128](), O[int32](), O[byte]())
}
