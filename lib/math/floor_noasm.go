// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// g1c overlay (DESIGN §7): GOROOT's file of the same name, selected wherever floor_asm.go is not
// overlaid: g1c assembles no .s files; on amd64 the overlaid floor_asm.go gives floor_amd64.s's and ROUNDSD's results.

//go:build !amd64

package math

const haveArchFloor = false

func archFloor(x float64) float64 {
	panic("not implemented")
}

const haveArchCeil = false

func archCeil(x float64) float64 {
	panic("not implemented")
}

const haveArchTrunc = false

func archTrunc(x float64) float64 {
	panic("not implemented")
}
