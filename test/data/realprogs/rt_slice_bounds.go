// Slice bounds errors of each shape, recovered, and a conversion to an array pointer that is too long.
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name+":", recover()) }()
	f()
}

func main() {
	s := make([]int, 3, 5)
	str := "hello"
	i, j, k := 4, 2, 6
	try("s[i:j]", func() { _ = s[i:j] })
	try("s[:k]", func() { _ = s[:k] })
	try("s[i:]", func() { _ = s[k:] })
	try("s[1:2:k]", func() { _ = s[1:2:k] })
	try("s[1:j:1]", func() { _ = s[1:j:1] })
	try("str[k:]", func() { _ = str[k:] })
	try("str[i:j]", func() { _ = str[i:j] })
	try("str[k]", func() { _ = str[k] })
	try("arr ptr", func() { _ = (*[4]int)(s) })
	try("make", func() { _ = make([]int, i-k) })
	try("array", func() {
		var a [3]int
		idx := -1 + i - 3 - 1
		a[idx] = 1
	})
	var m [][]int
	_ = m[0][1:]
}
