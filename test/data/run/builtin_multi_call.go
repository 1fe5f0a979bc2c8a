// Builtins given one call with several results as their arguments (Go spec "Calls": `f(g())`), as
// fixedbugs/issue52590.go uses them: append, delete, print, println, complex, copy, unsafe.Add,
// unsafe.Slice.
package main

import "unsafe"

func appendArgs() ([]int, int, int) { return []int{1}, 2, 3 }

func appendIface() ([]interface{}, int, string) { return nil, 4, "five" }

func deleteArgs(m map[string]int) (map[string]int, string) { return m, "b" }

func deleteIface(m map[interface{}]int) (map[interface{}]int, int) { return m, 7 }

func ints() (int, int8) { return 1, -2 }

func float32s() (float32, float32) { return 1.5, -2 }

func slices(d, s []int) ([]int, []int) { return d, s }

func bytesString(d []byte) ([]byte, string) { return d, "hello" }

var arr = [4]int32{10, 20, 30, 40}

func addArgs() (unsafe.Pointer, uint8) { return unsafe.Pointer(&arr[0]), 8 }

func sliceArgs() (*int32, int16) { return &arr[1], 3 }

func main() {
	s := append(appendArgs())
	println(len(s), s[0], s[1], s[2])
	is := append(appendIface())
	println(len(is), is[0].(int), is[1].(string))

	m := map[string]int{"a": 1, "b": 2}
	delete(deleteArgs(m))
	_, ok := m["b"]
	println(len(m), ok)
	mi := map[interface{}]int{7: 1, "7": 2}
	delete(deleteIface(mi))
	println(len(mi), mi["7"])

	print(ints())
	print("\n")
	println(ints())

	c := complex(float32s())
	println(real(c), imag(c))

	d := make([]int, 2)
	n := copy(slices(d, []int{5, 6, 7}))
	println(n, d[0], d[1])
	b := make([]byte, 3)
	n = copy(bytesString(b))
	println(n, string(b))

	p := (*int32)(unsafe.Add(addArgs()))
	println(*p)
	t := unsafe.Slice(sliceArgs())
	println(len(t), cap(t), t[0], t[2])
}
