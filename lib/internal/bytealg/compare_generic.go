// Copyright 2018 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// g1c overlay (DESIGN §7): GOROOT's file of the same name, without its build constraint.
// g1c assembles no .s files: internal/bytealg is its pure-Go version on every GOARCH (see omit).
// Without runtime_cmpstring, which gives gc's runtime its cmpstring through //go:linkname: g1c's runtime is
// rt, whose g1c_cmpstring compares strings.

package bytealg

func Compare(a, b []byte) int {
	l := len(a)
	if len(b) < l {
		l = len(b)
	}
	if l == 0 || &a[0] == &b[0] {
		goto samebytes
	}
	for i := 0; i < l; i++ {
		c1, c2 := a[i], b[i]
		if c1 < c2 {
			return -1
		}
		if c1 > c2 {
			return +1
		}
	}
samebytes:
	if len(a) < len(b) {
		return -1
	}
	if len(a) > len(b) {
		return +1
	}
	return 0
}
