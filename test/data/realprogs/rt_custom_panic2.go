// Panicking with a custom error type wrapping another, after recover and re-panic.
package main

import (
	"errors"
	"fmt"
	"os"
)

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

var ErrNotFound = errors.New("not found")

func find(q string) {
	panic(&QueryError{q, fmt.Errorf("table users: %w", ErrNotFound)})
}

func safe(q string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(error)
		}
	}()
	find(q)
	return nil
}

func main() {
	err := safe("select 1")
	fmt.Println(err, errors.Is(err, ErrNotFound))
	var qe *QueryError
	fmt.Println(errors.As(err, &qe), qe.Query)
	fmt.Fprintln(os.Stderr, "about to fail")
	defer func() {
		r := recover()
		fmt.Println("recovered once:", r)
		panic(fmt.Sprintf("re-panic: %v", r))
	}()
	find("select 2")
}
