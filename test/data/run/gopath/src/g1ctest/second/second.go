package second

import (
	"g1ctest/first"
	"g1ctest/log"
)

var V = log.Say("second: var V") + first.A

func init() { log.Say("second: init") }

func F() interface{} { return struct{ _ []int }{} }

type S struct{ x int }

func G() interface{} { return S{1} }
