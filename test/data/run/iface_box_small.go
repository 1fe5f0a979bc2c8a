package main

import "fmt"

type small int8
type word uint64

func main() {
	var xs []interface{}
	for i := -2; i < 300; i += 37 {
		xs = append(xs, i, int8(i), uint16(i), int32(i), small(i), word(i), i < 100)
	}
	xs = append(xs, 0, 255, 256, -1, 3.5, float32(1.25), "const", "", true, 'x', uint8(200), 1<<40)
	fmt.Println(xs...)
	a, b := interface{}(7), interface{}(7)
	fmt.Println(a == b, a == interface{}(int64(7)), xs[0] == xs[0])
	var sum int
	for _, x := range xs {
		if n, ok := x.(int); ok {
			sum += n
		}
	}
	fmt.Println(sum)
	lines := []string{}
	for i := 0; i < 3; i++ {
		lines = append(lines, fmt.Sprint(i, "x", i*100))
	}
	fmt.Println(lines)
}
