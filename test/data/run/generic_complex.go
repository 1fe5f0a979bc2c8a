// Generic code over complex types: constant conversions to a type parameter and ++/-- on one.
package main

import "fmt"

type Number interface {
	~float64 | ~complex64 | ~complex128
}

func half[T Number]() T { return T(0.5) * 2 }

func step[T Number](x T) (T, T) {
	y := x
	x++
	y--
	return x, y
}

type C complex64

func main() {
	fmt.Println(half[complex128](), half[C](), half[float64]())
	fmt.Println(step(complex64(5 + 2i)))
	fmt.Println(step(C(-1i)))
	fmt.Println(step(3.0))
}
