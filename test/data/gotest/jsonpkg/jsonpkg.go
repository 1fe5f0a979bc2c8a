// Package jsonpkg is what test/gocmd.rs runs `g1c test -json` and the profile flags on.
package jsonpkg

// Clamp limits x to [lo, hi].
func Clamp(x, lo, hi int) int {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}
