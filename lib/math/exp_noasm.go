// Copyright 2021 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// g1c overlay (DESIGN §7): GOROOT's file of the same name, selected wherever exp_asm.go is not
// overlaid: g1c assembles no .s files; on amd64 the overlaid exp_asm.go is exp_amd64.s in Go.

//go:build !amd64

package math

const haveArchExp = false

func archExp(x float64) float64 {
	panic("not implemented")
}
