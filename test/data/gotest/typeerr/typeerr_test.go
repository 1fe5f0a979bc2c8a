package typeerr

import "testing"

var x int = "a string"

func TestF(t *testing.T) {}
