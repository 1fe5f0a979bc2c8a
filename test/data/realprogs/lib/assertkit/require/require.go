// Package require wraps assertkit's assertions to stop the test on failure.
package require

import (
	"assertkit"
)

// T is the part of *testing.T require needs.
type T interface {
	assertkit.TestingT
	FailNow()
	Helper()
}

func Equal(t T, expected, actual interface{}, msgAndArgs ...interface{}) {
	t.Helper()
	if !assertkit.Equal(t, expected, actual, msgAndArgs...) {
		t.FailNow()
	}
}

func NoError(t T, err error, msgAndArgs ...interface{}) {
	t.Helper()
	if !assertkit.NoError(t, err, msgAndArgs...) {
		t.FailNow()
	}
}
