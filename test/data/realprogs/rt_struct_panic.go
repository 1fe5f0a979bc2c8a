// panic with a plain struct (no Error or String method) and with a pointer to one.
package main

import "fmt"

type state struct {
	Name  string
	Level int
	ok    bool
}

func main() {
	defer func() {
		r := recover()
		fmt.Printf("first: %#v\n", r)
		panic(state{"final", 3, true})
	}()
	panic(&state{"p", 1, false})
}
