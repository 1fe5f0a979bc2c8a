// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// g1c overlay (DESIGN §7): GOROOT's file of the same name, selected wherever sqrt_asm.go is not
// overlaid: g1c assembles no .s files, and on 386 and amd64 the overlaid sqrt_asm.go gives SQRTSD's results in Go.

//go:build !386 && !amd64

package math

const haveArchSqrt = false

func archSqrt(x float64) float64 {
	panic("not implemented")
}
