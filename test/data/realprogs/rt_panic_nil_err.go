// Panicking with an error value from errors.New, a fmt.Errorf wrapper, and an integer, each re-panicked.
package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

func find(k string) {
	panic(fmt.Errorf("find %q: %w", k, ErrNotFound))
}

func main() {
	defer func() {
		r := recover()
		err := r.(error)
		fmt.Println(errors.Is(err, ErrNotFound))
		panic(err)
	}()
	defer func() {
		r := recover()
		fmt.Println("first:", r)
		find("key")
	}()
	panic(42)
}
