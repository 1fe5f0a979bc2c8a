// Calls inlined by both compilers keep their frames: runtime.Caller, Callers, CallersFrames and FuncForPC
// through inlined calls, and a panic inside an inlined call made by a deferred call.

package main

import (
	"fmt"
	"runtime"
	"strings"
)

type T struct{ x, y int }

func where() string {
	_, file, line, ok := runtime.Caller(1)
	i := strings.LastIndexByte(file, '/')
	return fmt.Sprint(file[i+1:], ":", line, " ", ok)
}

func leaf(s []int, i int) int { return s[i] * 2 }

func mid(s []int, i int) int { return leaf(s, i) + 1 }

func stack() []string {
	pcs := make([]uintptr, 20)
	n := runtime.Callers(1, pcs)
	fr := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		f, more := fr.Next()
		i := strings.LastIndexByte(f.File, '/')
		fn := runtime.FuncForPC(f.PC)
		out = append(out, fmt.Sprint(f.Function, " ", f.File[i+1:], ":", f.Line, " forpc=", fn.Name()))
		if !more || f.Function == "main.main" {
			break
		}
	}
	return out
}

func inner() []string { return stack() }
func outer() []string { return inner() }

func callerName() string {
	pc, _, _, _ := runtime.Caller(1)
	return runtime.FuncForPC(pc).Name()
}
func named() string { return callerName() }

func deref(p *T) int { return p.x + p.y }
func viaDeref(p *T) int { return deref(p) * 3 }

func main() {
	fmt.Println(where())
	fmt.Println(mid([]int{1, 2, 3}, 2))
	for _, s := range outer() {
		fmt.Println(s)
	}
	fmt.Println(named())
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		var p *T
		fmt.Println(viaDeref(p))
	}()
	fmt.Println(mid([]int{1, 2, 3}, 5))
}
