package main

import (
	"fmt"
	"strconv"
)

// Results of a multi-value call passed straight to parameters: each is assigned to its parameter, so a
// concrete value meeting an interface parameter (or a ...interface{} tail) is converted.

func two() (string, int) { return "x", 3 }

func three() (int, error, float64) { return 7, fmt.Errorf("e%d", 1), 2.5 }

type Stringer interface{ String() string }

type N int

func (n N) String() string { return "N" + strconv.Itoa(int(n)) }

func pair() (N, N) { return 4, 5 }

func show(a, b Stringer) { fmt.Println(a.String(), b.String()) }

func tail(p string, rest ...interface{}) { fmt.Println(p, len(rest), rest) }

func ints(xs ...int) { fmt.Println(xs) }

func tri() (int, int, int) { return 1, 2, 3 }

func main() {
	fmt.Println(two())
	fmt.Println(three())
	show(pair())
	tail(two())
	ints(tri())
	f := two
	fmt.Println(f())
	s := fmt.Sprint(pair())
	fmt.Println(s)
}
