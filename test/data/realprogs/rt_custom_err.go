// An unrecovered panic with a custom error value: gc prints Error()'s text... after a recovered re-panic.
package main

import (
	"errors"
	"fmt"
)

type ValidationError struct {
	Field string
	Code  int
}

func (e ValidationError) Error() string { return fmt.Sprintf("invalid %s (code %d)", e.Field, e.Code) }

func validate() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
			panic(fmt.Errorf("wrapped: %w", r.(error)))
		}
	}()
	panic(ValidationError{"email", 42})
}

func main() {
	fmt.Println(errors.Is(fmt.Errorf("x: %w", ValidationError{"a", 1}), ValidationError{"a", 1}))
	validate()
}
