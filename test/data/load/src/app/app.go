package app

import (
	"os"
	l "lib"
)

var _ = l.Answer + l.LinuxNot386

func f(t *l.T) int { return t.N() }

var _ = l.hidden

var _ = l.OnlyOnWindows
