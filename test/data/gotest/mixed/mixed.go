// Package mixed is a fixture for `g1c test` against `go test`: passing and failing tests, examples with
// and without a matching `// Output:`, a TestMain, t.Fatal's Goexit, subtests and t.Cleanup.
package mixed

import "fmt"

// Sum adds its arguments.
func Sum(xs ...int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// Greet formats a greeting.
func Greet(name string) string { return fmt.Sprintf("hello, %s", name) }
