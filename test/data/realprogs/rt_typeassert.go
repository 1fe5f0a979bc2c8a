// A failed type assertion to a concrete type from a non-empty interface, then to an interface: exit 2.
package main

import (
	"fmt"
	"io"
	"strings"
)

type myReader struct{ io.Reader }

func main() {
	var r io.Reader = strings.NewReader("x")
	if _, ok := r.(io.Writer); !ok {
		fmt.Println("not a writer")
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		_ = r.(*myReader)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var e interface{} = 3
		_ = e.(string)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var e interface{}
		_ = e.(fmt.Stringer)
	}()
	var x interface{} = myReader{}
	_ = x.(io.Writer)
}
