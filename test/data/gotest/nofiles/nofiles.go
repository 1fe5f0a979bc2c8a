// Package nofiles has no tests.
package nofiles

func F() int { return 1 }
