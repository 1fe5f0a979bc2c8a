// Call positions as gc records them: the line of the call's "(" (a function literal called in place,
// method chains and arguments split over lines), seen by runtime.Caller and the panic traceback's last frame.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

// callerLine is the line from which the function calling callerLine was called.
func callerLine() int {
	_, _, l, _ := runtime.Caller(2)
	return l
}

type B struct{ s []string }

func (b *B) Add(s string) *B {
	b.s = append(b.s, fmt.Sprint(s, "@", callerLine()))
	return b
}

func add(a, b int) int {
	fmt.Println("add called from", callerLine())
	return a + b
}

func main() {
	func() {
		fmt.Println("literal called from", callerLine())
	}()
	b := &B{}
	b.
		Add("x").
		Add("y")
	b.Add(
		"z",
	)
	fmt.Println(b.s)
	fmt.Println(strings.
		ToUpper("a"), add(
		1,
		2))
	f := func() func() int { return func() int { return callerLine() } }
	fmt.Println("returned func called from", f()(
	))
	defer func() {
		fmt.Println("deferred literal runs")
	}()
	func() {
		var m map[string]int
		m["x"] = 1
	}()
}
