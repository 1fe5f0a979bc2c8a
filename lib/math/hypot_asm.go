// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// g1c overlay (DESIGN §7): replaces GOROOT's hypot_asm.go, whose archHypot is hypot_amd64.s. This is that
// assembly written in Go, operation for operation (max * sqrt(1 + (min/max)**2), without the scaling of
// hypot.go), so that Hypot gives gc's bits on amd64.

//go:build amd64

package math

const haveArchHypot = true

func archHypot(p, q float64) float64 {
	const posInf = 0x7FF0000000000000
	pb := Float64bits(p) &^ (1 << 63)
	qb := Float64bits(q) &^ (1 << 63)
	if pb >= posInf || qb >= posInf {
		if pb == posInf || qb == posInf {
			return Float64frombits(posInf)
		}
		return Float64frombits(0x7FF8000000000001) // NaN
	}
	if pb|qb == 0 {
		return 0
	}
	p, q = Float64frombits(pb), Float64frombits(qb)
	hi := q // MAXSD
	if p > q {
		hi = p
	}
	lo := p // MINSD
	if q < p {
		lo = q
	}
	r := lo / hi
	r = float64(r*r) + 1
	return hi * sqrt(r)
}
