// Maps with NaN keys, struct and array keys, interface keys of mixed types, and a panic hashing an
// unhashable dynamic key.
package main

import (
	"fmt"
	"math"
	"sort"
)

type pt struct{ X, Y int }

func main() {
	m := map[float64]int{}
	m[math.NaN()] = 1
	m[math.NaN()] = 2
	m[0.0] = 3
	m[math.Copysign(0, -1)] = 4
	fmt.Println(len(m), m[0])
	_, ok := m[math.NaN()]
	fmt.Println(ok)
	sum := 0
	for k, v := range m {
		if k != k {
			sum += v
		}
	}
	fmt.Println("nan sum", sum)
	delete(m, math.NaN())
	fmt.Println(len(m), m[math.Copysign(0, -1)])
	grid := map[pt]string{{1, 2}: "a", {0, 0}: "origin"}
	grid[pt{1, 2}] += "b"
	fmt.Println(grid[pt{1, 2}], grid)
	ak := map[[2]string]int{{"a", "b"}: 1}
	ak[[2]string{"a", "b"}]++
	fmt.Println(ak)
	ik := map[any]string{1: "int", "1": "string", 1.0: "float", pt{1, 1}: "pt", [1]int{1}: "arr", true: "bool", int8(1): "int8"}
	keys := make([]string, 0)
	for k, v := range ik {
		keys = append(keys, fmt.Sprintf("%T(%v)=%s", k, k, v))
	}
	sort.Strings(keys)
	fmt.Println(keys)
	fmt.Println(ik[1], ik[int8(1)], ik[pt{1, 1}])
	clear := map[string][]int{"x": {1}}
	clear["x"] = append(clear["x"], 2)
	clear["y"] = append(clear["y"], 3)
	fmt.Println(clear)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		ik[[]int{1}] = "slice"
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var f any = func() {}
		_ = ik[f]
	}()
	type wrap struct{ v any }
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		ik[wrap{map[int]int{}}] = "map"
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var a, b any = []int{1}, []int{1}
		fmt.Println(a == b)
	}()
	var mi map[string]int
	fmt.Println(mi["x"], len(mi))
	delete(mi, "x")
	for range mi {
	}
	fmt.Println("nil map ok")
}
