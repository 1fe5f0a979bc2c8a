// Package bad panics in its init function, after its dependency log has been initialized.
package bad

import "g1ctest/log"

var V = log.Say("bad: var V")

func init() { log.Say("bad: init 0") }

func init() {
	log.Say("bad: init 1")
	panic("bad: boom")
}
