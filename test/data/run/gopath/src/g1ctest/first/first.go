package first

import "g1ctest/log"

var A = log.Say("first: var A") + B

var B = log.Say("first: var B")

func init() { log.Say("first: init 1") }

func init() { log.Say("first: init 2") }

// F returns a struct with an unexported field: a type distinct from second's identical-looking one.
func F() interface{} { return struct{ _ []int }{} }

type S struct{ x int }

func G() interface{} { return S{1} }
