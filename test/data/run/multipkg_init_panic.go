// A panic in an imported package's init function: the traceback shows that function only, as gc's
// runtime.doInit runs each package's initialization (the packages it imports first) without a
// `main.init` frame.
package main

import (
	"g1ctest/bad"
	"g1ctest/log"
)

var M = log.Say("main: var M (not reached)")

func main() { println(bad.V) }
