// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// g1c overlay (DESIGN §7): replaces GOROOT's sqrt_asm.go, whose archSqrt is sqrt_amd64.s (SQRTSD). gc also
// compiles math.Sqrt itself to SQRTSD, so a Go program sees that instruction's results: the correctly
// rounded square root (which sqrt computes in software), a NaN operand returned quiet, and for a negative
// operand the x86 "floating-point indefinite" NaN (Intel SDM Vol. 1 §4.8.3.7: sign set, quiet bit set,
// payload zero), where sqrt would return NaN() instead. This file is that definition in Go.

//go:build 386 || amd64

package math

const haveArchSqrt = true

func archSqrt(x float64) float64 {
	switch {
	case x != x:
		return Float64frombits(Float64bits(x) | 1<<51)
	case x < 0:
		return Float64frombits(0xFFF8_0000_0000_0000)
	}
	return sqrt(x)
}
