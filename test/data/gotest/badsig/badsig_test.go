package badsig

import "testing"

// A test function must take *testing.T: the go command refuses this one before compiling.
func TestWrong(n int) {}

// A TestMain of a test's shape is an ordinary test.
func TestMain(t *testing.T) {}

func BenchmarkWrong(t *testing.T) {}

// Not a test: the prefix is followed by a lower-case letter.
func Testimony(n int) {}
