// A run-time panic while initializing an imported package's variables: the frame is that package's
// `init` (its variable initialization), as with gc.
package main

import (
	"g1ctest/badvar"
	"g1ctest/log"
)

func init() { log.Say("main: init (not reached)") }

func main() { println(badvar.V) }
