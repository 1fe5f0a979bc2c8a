// //line directives that name files: runtime.Caller, runtime.CallersFrames, FuncForPC and the traceback
// of a panic report the directive's file (as written, `??` when it names none) and line for the code
// after it, in the same function as code of the real file.
package main

import (
	"fmt"
	"runtime"
)

func where() string {
	_, file, line, ok := runtime.Caller(1)
	return fmt.Sprintf("%s:%d %v", file, line, ok)
}

func frames() {
	pc := make([]uintptr, 10)
	n := runtime.Callers(1, pc)
	fs := runtime.CallersFrames(pc[:n])
	for {
		f, more := fs.Next()
		if f.Function == "runtime.main" || f.Function == "runtime.goexit" {
			break
		}
		fmt.Println(f.Function, f.File, f.Line)
		fn := runtime.FuncForPC(f.PC)
		file, line := fn.FileLine(f.PC)
		fmt.Println("  ", file, line)
		if !more {
			break
		}
	}
}

func mixed() {
	fmt.Println(where())
//line other.go:100
	fmt.Println(where())
//line :7
	fmt.Println(where())
	/*line a/b/c.go:20:5*/ fmt.Println(where()); /*line :30:1*/ fmt.Println(where())
//line /abs/dir/x.go:1000
	frames()
}

//line gen.go:50
func generated(n int) int {
	fmt.Println(where())
	if n == 0 {
		var p *int
		return *p
	}
	return generated(n - 1)
}

func main() {
	mixed()
	fmt.Println(where())
	defer func() {
		fmt.Println("recovered:", recover())
		fmt.Println(where())
		var m map[string]int
		m["x"] = 1
	}()
	generated(1)
}
