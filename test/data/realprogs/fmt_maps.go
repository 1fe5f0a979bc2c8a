// fmt's sorted map printing: mixed interface keys, NaN, floats, bools, arrays, structs, pointers to values.
package main

import (
	"fmt"
	"math"
)

type K struct {
	A int
	B string
}

func main() {
	m := map[interface{}]string{
		3: "int3", -1: "int-1", "b": "str-b", "a": "str-a", 2.5: "f2.5", true: "t", false: "f",
		uint(7): "u7", int8(1): "i8", [2]int{1, 2}: "arr12", [2]int{1, 1}: "arr11", K{1, "x"}: "k1x", K{0, "y"}: "k0y",
		nil: "nil",
	}
	fmt.Println(m)
	fmt.Println(map[float64]int{math.NaN(): 1, math.Inf(-1): 2, 0: 3, math.Inf(1): 4, -0.5: 5})
	fmt.Println(map[bool][]int{true: {1}, false: nil})
	fmt.Println(map[K]bool{{2, "a"}: true, {1, "b"}: false, {1, "a"}: true})
	fmt.Println(map[[2]string]int{{"b", "a"}: 1, {"a", "z"}: 2})
	fmt.Printf("%v %+v %#v\n", map[string]K{"z": {1, "q"}, "y": {}}, map[string]K{"z": {1, "q"}}, map[string]K{"z": {1, "q"}})
	fmt.Printf("%#v\n", map[interface{}]int{"s": 1, 2: 2, 1.5: 3})
	fmt.Printf("%x %X %q\n", map[string]int{"a": 255}, map[int]string{10: "z"}, map[string]string{"k": "v\n"})
	type E struct{}
	fmt.Println(map[E]int{{}: 1}, map[int8]int{-128: 1, 127: 2, 0: 3}, map[rune]bool{'b': true, 'a': false})
	fmt.Println(map[complex128]int{1 + 2i: 1, 1 + 1i: 2, 0: 3})
	var ip interface{} = map[string]map[string][]int{"outer": {"b": {2}, "a": {1}}}
	fmt.Println(ip)
	fmt.Printf("%v|%6v|%-6v|\n", map[int]int{}, map[int]int{1: 2}, map[int]int{3: 4})
	var nilmap map[string]int
	fmt.Printf("%v %#v %d\n", nilmap, nilmap, len(nilmap))
	ch1 := make(chan int)
	fmt.Println(len(fmt.Sprint(map[chan int]int{ch1: 1})) > 0)
}
