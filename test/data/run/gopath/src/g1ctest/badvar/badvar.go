// Package badvar panics while initializing a package variable (an index out of range).
package badvar

import "g1ctest/log"

var xs = []int{1, 2}

var n = log.Say("badvar: var n")

var V = xs[n+1]

func init() { log.Say("badvar: init (not reached)") }
