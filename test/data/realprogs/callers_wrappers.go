// runtime.Caller/Callers/FuncForPC through promoted-method and method-value wrappers, as testing's
// t.Helper line attribution relies on; then a value method called through a nil pointer (panicwrap).
package main

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

type Logger interface{ Log(msg string) }

type base struct{ prefix string }

func (b *base) Log(msg string) {
	_, file, line, ok := runtime.Caller(1)
	fmt.Printf("%s%s (from %s:%d %v)\n", b.prefix, msg, filepath.Base(file), line, ok)
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var names []string
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, "main.") {
			names = append(names, fmt.Sprintf("%s:%d", f.Function, f.Line))
		}
		if !more {
			break
		}
	}
	fmt.Println("  stack:", strings.Join(names, " <- "))
}

type Service struct {
	*base
	name string
}

type Value struct{ n int }

func (v Value) Get() int { return v.n }

type Getter interface{ Get() int }

func viaInterface(l Logger) {
	l.Log("through interface")
}

func main() {
	s := Service{&base{"[svc] "}, "x"}
	s.Log("direct")
	viaInterface(s)
	viaInterface(&s)
	f := s.Log
	f("method value")
	g := (*Service).Log
	g(&s, "method expression")
	pc, _, _, _ := runtime.Caller(0)
	fmt.Println(runtime.FuncForPC(pc).Name())
	var gt Getter = &Value{3}
	fmt.Println(gt.Get())
	var nv *Value
	gt = nv
	fmt.Println(gt.Get())
}
