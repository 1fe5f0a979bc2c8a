// Package-level variables whose initializers need no code become initialized data (staticinit): the
// dump shows them as `data` with relocations, and main.init keeps only the dynamic steps.
package main

type Range struct {
	Lo, Hi uint16
	Stride uint16
}

type Table struct {
	Name   string
	R16    []Range
	Next   *Table
	Latin  int
	Scale  float64
	Lookup func(int) int
}

func twice(x int) int { return 2 * x }

// Static: a pointer to a composite literal with nested slices, strings and a function value.
var letters = &Table{
	Name:   "L",
	R16:    []Range{{0x41, 0x5a, 1}, {0x61, 0x7a, 1}},
	Next:   &Table{Name: "next"},
	Latin:  2,
	Scale:  0.5,
	Lookup: twice,
}

// Static: a copy of another static variable, and the address of a package variable.
var Letter = letters
var count = 3
var pcount = &count

// Dynamic: a call must run at initialization time.
var computed = twice(count)

// After a call, a copy is no longer static (the call might have changed the variable copied).
var later = count

var sparse = [6]int8{1: -1, 4: 7}

func main() {
	println(Letter.Name, len(Letter.R16), Letter.R16[1].Lo, Letter.Next.Name, Letter.Latin, Letter.Lookup(21))
	println(*pcount, computed, later, sparse[1], sparse[4], letters == Letter)
	letters.R16[0].Lo = 1
	println(Letter.R16[0].Lo)
}
