// Package-level slice literals are never nil, even empty ones (static data, staticinit.rs).
package main

import "reflect"

type T struct {
	s   string
	out []string
}

var tests = []T{{"a", nil}, {"b", []string{}}, {"c", []string{"x"}}}
var e = []int{}
var m = map[string][]int{"a": {}}

func main() {
	for _, t := range tests {
		println(t.s, t.out == nil, reflect.DeepEqual(t.out, []string{}))
	}
	println(e == nil, m["a"] == nil)
}
