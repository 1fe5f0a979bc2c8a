// Panics: recover and re-panic with wrapped errors, deferred calls order, panics in defers, runtime errors
// as values, recovering nil-map writes and closed channels; finally an uncaught custom error panic.
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
)

type ValidationError struct {
	Field string
	Code  int
}

func (v ValidationError) Error() string { return fmt.Sprintf("validation failed on %s (code %d)", v.Field, v.Code) }

func safely(name string, f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			switch x := r.(type) {
			case runtime.Error:
				err = fmt.Errorf("%s: runtime: %w", name, x)
			case error:
				err = fmt.Errorf("%s: %w", name, x)
			default:
				err = fmt.Errorf("%s: %v", name, x)
			}
		}
	}()
	f()
	return nil
}

func deferOrder() (result int) {
	for i := 0; i < 3; i++ {
		defer func(n int) {
			result = result*10 + n
			fmt.Print("d", n, " ")
		}(i)
	}
	return 5
}

func nested() (s string) {
	defer func() {
		r := recover()
		s = fmt.Sprint("outer recovered: ", r)
	}()
	defer func() {
		panic("second panic in defer")
	}()
	panic("first")
}

func repanic() {
	defer func() {
		r := recover()
		panic(fmt.Errorf("re-panicked: %v", r))
	}()
	panic(ValidationError{"email", 42})
}

func main() {
	var m map[string]int
	var arr []int
	var ch = make(chan int)
	close(ch)
	var ip *int
	var iface any = "str"
	idx := 5
	tests := []struct {
		name string
		f    func()
	}{
		{"nilmap", func() { m["a"] = 1 }},
		{"index", func() { _ = arr[idx] }},
		{"slice", func() { _ = arr[1:idx] }},
		{"closed", func() { ch <- 1 }},
		{"nilptr", func() { *ip = 1 }},
		{"assert", func() { _ = iface.(int) }},
		{"div", func() { z := 0; _ = 10 / z }},
		{"custom", func() { panic(ValidationError{"name", 7}) }},
		{"string", func() { panic("plain string") }},
		{"int", func() { panic(42) }},
		{"wrapped", func() { panic(fmt.Errorf("ctx: %w", os.ErrNotExist)) }},
		{"conv", func() { _, err := strconv.Atoi("x"); panic(err) }},
		{"closeclosed", func() { close(ch) }},
		{"makeneg", func() { n := -1; _ = make([]int, n) }},
		{"repanic", repanic},
	}
	for _, t := range tests {
		err := safely(t.name, t.f)
		var ve ValidationError
		fmt.Printf("%-12s %v | is-notexist=%v as-validation=%v\n", t.name, err, errors.Is(err, os.ErrNotExist), errors.As(err, &ve))
	}
	fmt.Println(deferOrder())
	fmt.Println(nested())
	func() {
		defer fmt.Println("deferred print runs before crash")
		defer func() {
			if r := recover(); r != nil {
				fmt.Println("recovered", r)
				panic(ValidationError{"final", 99})
			}
		}()
		panic(errors.New("boom"))
	}()
}
