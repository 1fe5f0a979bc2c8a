// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// g1c overlay (DESIGN §7): replaces GOROOT's floor_asm.go, whose archFloor, archCeil and archTrunc are
// floor_amd64.s. gc compiles Floor, Ceil and Trunc to ROUNDSD on CPUs with SSE4.1 and calls that assembly
// elsewhere; both give the exact result that floor, ceil and trunc compute, and differ only for a
// signaling NaN, which ROUNDSD returns quiet and the assembly returns as it is. This file chooses as gc
// does (cpu.X86.HasSSE41, false until g1c's runtime detects CPU features: see lib/internal/cpu).

//go:build amd64

package math

import "internal/cpu"

const haveArchFloor = true

func archFloor(x float64) float64 {
	if x != x && cpu.X86.HasSSE41 {
		return Float64frombits(Float64bits(x) | 1<<51)
	}
	return floor(x)
}

const haveArchCeil = true

func archCeil(x float64) float64 {
	if x != x && cpu.X86.HasSSE41 {
		return Float64frombits(Float64bits(x) | 1<<51)
	}
	return ceil(x)
}

const haveArchTrunc = true

func archTrunc(x float64) float64 {
	if x != x && cpu.X86.HasSSE41 {
		return Float64frombits(Float64bits(x) | 1<<51)
	}
	return trunc(x)
}
