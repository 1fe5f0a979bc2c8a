// The frames a deferred call sees while a panic runs it: gc's runtime.gopanic sits between it and the
// panicking function; a deferred call run by a return sees the returning function.
package main

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

func frames(skip int) string {
	var pcs [20]uintptr
	n := runtime.Callers(skip, pcs[:])
	it := runtime.CallersFrames(pcs[:n])
	var names []string
	for {
		f, more := it.Next()
		if f.Function == "main.main" || !more {
			break
		}
		names = append(names, f.Function)
	}
	return strings.Join(names, " <- ")
}

func caller(skip int) string {
	pc, file, line, ok := runtime.Caller(skip)
	return fmt.Sprintf("%s %s:%d %v", runtime.FuncForPC(pc).Name(), filepath.Base(file), line, ok)
}

func onPanic() {
	fmt.Println(frames(2))
	fmt.Println(caller(3)) // the panicking function, beyond runtime.gopanic
	fmt.Println("recovered:", recover())
}

func onReturn() {
	fmt.Println(frames(2))
}

func panics() {
	defer onPanic()
	panic("boom")
}

func returns() {
	defer onReturn()
}

func main() {
	panics()
	returns()
}
