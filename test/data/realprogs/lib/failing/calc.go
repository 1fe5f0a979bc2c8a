// Package failing is a library whose tests fail on purpose: the report of failures (t.Errorf, t.Fatalf,
// failing subtests, an example whose output differs, a skipped test) must read as go test's.
package failing

// Add is wrong for negative numbers on purpose.
func Add(a, b int) int {
	if a < 0 {
		return -a + b
	}
	return a + b
}

// Div divides, reporting division by zero.
func Div(a, b int) (int, bool) {
	if b == 0 {
		return 0, false
	}
	return a / b, true
}
