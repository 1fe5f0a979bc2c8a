// Panics with values of several kinds, recovered and printed, then a re-panic of a Stringer value.
package main

import (
	"errors"
	"fmt"
)

type Level int

func (l Level) String() string { return fmt.Sprintf("level-%d", int(l)) }

type myStr string
type pt struct{ x, y int }

func try(v interface{}) {
	defer func() {
		r := recover()
		fmt.Printf("recovered %T: %v\n", r, r)
	}()
	panic(v)
}

func main() {
	try(42)
	try("text")
	try(errors.New("an error"))
	try(Level(3))
	try(pt{1, 2})
	try(myStr("named string"))
	try(nil)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var a []int
		_ = a[5]
	}()
	func() {
		defer func() {
			err := recover().(error)
			fmt.Println("runtime error:", err)
		}()
		var m map[string]int
		m["x"] = 1
	}()
	defer func() {
		r := recover()
		fmt.Println("final recover:", r)
		panic(fmt.Errorf("wrapped: %v", r))
	}()
	panic(Level(7))
}
