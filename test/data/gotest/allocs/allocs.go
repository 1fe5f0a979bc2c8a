// Package allocs holds functions whose temporaries gc keeps in their frames: a defer's record, the
// result of a string conversion or concatenation that does not outlive the call.
package allocs

import (
	"strings"
	"sync"
)

var mu sync.Mutex
var count int

// Locked defers its unlock once per call.
func Locked() int {
	mu.Lock()
	defer mu.Unlock()
	count++
	return count
}

// Index converts a rune to a string that only strings.Index reads.
func Index(s string, r rune) int { return strings.Index(s, string(r)) }

// Fold converts bytes to a string that only strings.EqualFold reads.
func Fold(b []byte, s string) bool { return strings.EqualFold(string(b), s) }

// JoinedLen concatenates strings whose result only len reads.
func JoinedLen(a, b string) int { return len(a + "/" + b) }

// Wide counts the runes above ASCII in a rune slice made from s.
func Wide(s string) int {
	n := 0
	for _, r := range []rune(s) {
		if r > 127 {
			n++
		}
	}
	return n
}

// Escapes returns its conversion: the result must be on the heap.
func Escapes(b []byte) string { return string(b) }
