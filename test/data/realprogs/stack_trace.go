// An error-wrapping package in the style of pkg/errors: errors record runtime.Callers at creation and
// print their stack with %+v, through CallersFrames, down to runtime.main and runtime.goexit.
package main

import (
	"fmt"
	"io"
	"path"
	"runtime"
	"strings"
	"sync"
)

type stack []uintptr

func callers(skip int) stack {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(skip, pcs)
	return pcs[:n]
}

func (s stack) Format(st fmt.State, verb rune) {
	if verb != 'v' || !st.Flag('+') {
		return
	}
	frames := runtime.CallersFrames(s)
	for {
		f, more := frames.Next()
		fn := f.Function
		if i := strings.LastIndex(fn, "/"); i >= 0 {
			fn = fn[i+1:]
		}
		fmt.Fprintf(st, "\n%s\n\t%s:%d", fn, path.Base(f.File), f.Line)
		if !more {
			break
		}
	}
}

type fundamental struct {
	msg string
	stack
}

func New(msg string) error { return &fundamental{msg, callers(3)} }

func (f *fundamental) Error() string { return f.msg }
func (f *fundamental) Format(s fmt.State, verb rune) {
	switch verb {
	case 'v':
		if s.Flag('+') {
			io.WriteString(s, f.msg)
			f.stack.Format(s, verb)
			return
		}
		fallthrough
	case 's':
		io.WriteString(s, f.msg)
	case 'q':
		fmt.Fprintf(s, "%q", f.msg)
	}
}

type withStack struct {
	error
	stack
}

func Wrap(err error, msg string) error {
	if err == nil {
		return nil
	}
	return &withStack{fmt.Errorf("%s: %w", msg, err), callers(3)}
}

func (w *withStack) Unwrap() error { return w.error }
func (w *withStack) Format(s fmt.State, verb rune) {
	if verb == 'v' && s.Flag('+') {
		fmt.Fprintf(s, "%v", w.error)
		w.stack.Format(s, verb)
		return
	}
	io.WriteString(s, w.Error())
}

type loader struct{}

func (loader) load(name string) error {
	if name == "" {
		return New("empty name")
	}
	return nil
}

func open(name string) error {
	return Wrap(loader{}.load(name), "open "+strings.ToUpper("cfg"))
}

func where() string {
	pc, file, line, ok := runtime.Caller(1)
	return fmt.Sprintf("%s %s:%d %v", runtime.FuncForPC(pc).Name(), path.Base(file), line, ok)
}

func depth() int {
	n := 0
	for i := 0; ; i++ {
		if _, _, _, ok := runtime.Caller(i); !ok {
			break
		}
		n++
	}
	return n
}

func main() {
	err := open("")
	fmt.Printf("%v\n", err)
	fmt.Printf("%+v\n", err)
	fmt.Printf("%q %s\n", New("quoted"), New("plain"))
	fmt.Println(where(), depth())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Printf("%+v\n", New("in goroutine"))
		fmt.Println(where(), depth())
	}()
	wg.Wait()
	func() {
		defer func() {
			fmt.Printf("%+v\n", New("in deferred call"))
		}()
		fmt.Printf("%+v\n", New("in a function literal called in place"))
	}()
	pc, _, _, _ := runtime.Caller(0)
	f := runtime.FuncForPC(pc)
	fmt.Println(f.Name(), f.Entry() <= pc)
	pcs := make([]uintptr, 16)
	n := runtime.Callers(1, pcs)
	for _, p := range pcs[:n] {
		fn := runtime.FuncForPC(p - 1)
		file, line := fn.FileLine(p - 1)
		fmt.Println(fn.Name(), path.Base(file), line)
	}
}
