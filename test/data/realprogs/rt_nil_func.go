// Calling a nil function value and a method on a nil interface.
package main

import "fmt"

type handler func(string) string

type greeter interface{ Greet() string }

func main() {
	hs := map[string]handler{"up": func(s string) string { return s + "!" }}
	fmt.Println(hs["up"]("hi"))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var g greeter
		fmt.Println(g.Greet())
	}()
	fmt.Println(hs["down"]("hi"))
}
