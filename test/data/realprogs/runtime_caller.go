// runtime.Caller, Callers/CallersFrames and FuncForPC as loggers use them.
package main

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

func where() string {
	_, file, line, ok := runtime.Caller(1)
	return fmt.Sprintf("%s:%d %v", filepath.Base(file), line, ok)
}

type logger struct{ prefix string }

func (l *logger) Log(msg string) {
	pc, file, line, _ := runtime.Caller(1)
	fn := runtime.FuncForPC(pc)
	fmt.Printf("%s %s:%d %s: %s\n", l.prefix, filepath.Base(file), line, fn.Name(), msg)
}

func deep(n int) []string {
	if n > 0 {
		return deep(n - 1)
	}
	pcs := make([]uintptr, 20)
	k := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:k])
	var out []string
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, "main.") {
			out = append(out, fmt.Sprintf("%s:%d", f.Function, f.Line))
		}
		if !more {
			break
		}
	}
	return out
}

func main() {
	fmt.Println(where())
	l := &logger{"[app]"}
	l.Log("started")
	func() {
		l.Log("in closure")
	}()
	for _, f := range deep(3) {
		fmt.Println(f)
	}
	_, _, _, ok := runtime.Caller(50)
	fmt.Println("caller 50:", ok)
	fmt.Println(runtime.GOOS, runtime.GOARCH, runtime.NumGoroutine(), runtime.Version() != "")
	pc, _, _, _ := runtime.Caller(0)
	f := runtime.FuncForPC(pc)
	file, line := f.FileLine(pc)
	fmt.Println(f.Name(), filepath.Base(file), line)
}
