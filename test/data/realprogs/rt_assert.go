// Failed type assertions: the recovered messages of several shapes, then an unrecovered one.
package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
)

type T struct{}
type Named int

func try(f func()) {
	defer func() {
		r := recover()
		_, isErr := r.(error)
		_, isRt := r.(runtime.Error)
		fmt.Println(r, isErr, isRt)
	}()
	f()
}

func main() {
	var i any = 5
	try(func() { _ = i.(string) })
	try(func() { _ = i.(Named) })
	var nilI any
	try(func() { _ = nilI.(int) })
	try(func() { _ = i.(io.Reader) })
	var r io.Reader = strings.NewReader("x")
	try(func() { _ = r.(io.Writer) })
	try(func() { _ = r.(*strings.Reader) ; _ = r.(interface{ Close() error }) })
	var e error
	try(func() { _ = e.(fmt.Stringer) })
	try(func() { _ = any(T{}).(fmt.Stringer) })
	fmt.Println("now unrecovered:")
	_ = any(Named(3)).([]int)
}
