// A conversion to an interface inside a small function that the optimizer inlines into every caller:
// the method the interface reaches must survive the linker's method pruning although the function
// that converted (box) is no longer called by anyone.
package main

import "fmt"

type T struct{ n int }

func (t *T) String() string { return fmt.Sprint("T", t.n) }

type Stringer interface{ String() string }

func box(t *T) interface{} { return t }

func main() {
	v := box(&T{7})
	if s, ok := v.(Stringer); ok {
		fmt.Println(s.String())
	}
	fmt.Println(v)
}
