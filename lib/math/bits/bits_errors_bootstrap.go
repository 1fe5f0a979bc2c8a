// Copyright 2019 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// g1c overlay (DESIGN §7): GOROOT's file of the same name, without its build constraint.
// gc links math/bits to the runtime's overflowError and divideError variables with
// //go:linkname (bits_errors.go); g1c's runtime is rt (Rust), so math/bits defines the errors itself, as Go's
// own bootstrap build does (tag compiler_bootstrap). They print as gc's do and satisfy runtime.Error.

// This version used only for bootstrap (on this path we want
// to avoid use of go:linkname as applied to variables).

package bits

type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string {
	return "runtime error: " + string(e)
}

var overflowError = error(errorString("integer overflow"))

var divideError = error(errorString("integer divide by zero"))
