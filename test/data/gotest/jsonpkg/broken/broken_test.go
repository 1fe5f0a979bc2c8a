package broken

import "testing"

func TestTwo(t *testing.T) {
	var s string = Two()
	_ = s
}
