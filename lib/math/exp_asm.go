// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// g1c overlay (DESIGN §7): replaces GOROOT's exp_asm.go, whose archExp is exp_amd64.s. This is that
// assembly written in Go, operation for operation, so that Exp gives gc's bits on amd64: both of its paths,
// chosen by useFMA (exp_amd64.go) as the assembly chooses; FMA computes VFMADD's single rounding exactly, and
// every other product is rounded by an explicit conversion so that no compiler fuses it. CVTSD2SL rounds to
// nearest even and gives 0x80000000 out of range, which RoundToEven and the range test reproduce.
// (useFMA reads internal/cpu, whose features g1c's runtime does not detect yet: see lib/internal/cpu.)

//go:build amd64

package math

const haveArchExp = true

func archExp(x float64) float64 {
	const (
		ln2u     = 0.69314718055966295651160180568695068359375           // upper half LN2
		ln2l     = 0.28235290563031577122588448175013436025525412068e-12 // lower half LN2
		log2e    = 1.4426950408889634073599246810018920                  // 1/LN2
		overflow = 7.09782712893384e+02
		posInf   = 0x7FF0000000000000
		negInf   = 0xFFF0000000000000
		// The Taylor coefficients (exprodata<>+24 ... +64).
		c3 = 1.6666666666666666667e-1
		c4 = 4.1666666666666666667e-2
		c5 = 8.3333333333333333333e-3
		c6 = 1.3888888888888888889e-3
		c7 = 1.9841269841269841270e-4
		c8 = 2.4801587301587301587e-5
	)
	bx := Float64bits(x)
	if bx&^(1<<63) >= posInf {
		if bx == negInf {
			return 0
		}
		return x // NaN or +Inf
	}
	if x > overflow {
		return Float64frombits(posInf)
	}
	// CVTSD2SL: the nearest int32, ties to even; out of range, the "integer indefinite" 0x80000000.
	t := RoundToEven(float64(log2e * x))
	k := int32(-1 << 31)
	if t >= -(1<<31) && t < 1<<31 {
		k = int32(t)
	}
	kf := float64(k)
	var r float64
	if useFMA {
		r = FMA(-ln2u, kf, x)
		r = FMA(-ln2l, kf, r)
		r *= 0.0625
		p := FMA(r, c8, c7)
		p = FMA(r, p, c6)
		p = FMA(r, p, c5)
		p = FMA(r, p, c4)
		p = FMA(r, p, c3)
		p = FMA(r, p, 0.5)
		p = FMA(r, p, 1.0)
		r *= p
		for i := 0; i < 3; i++ {
			r *= r + 2
		}
		r = FMA(r+2, r, 1.0)
	} else {
		r = x - float64(ln2u*kf)
		r -= float64(ln2l * kf)
		r *= 0.0625
		p := float64(c8*r) + c7
		p = float64(p*r) + c6
		p = float64(p*r) + c5
		p = float64(p*r) + c4
		p = float64(p*r) + c3
		p = float64(p*r) + 0.5
		p = float64(p*r) + 1.0
		r *= p
		for i := 0; i < 4; i++ {
			r *= 2 + r
		}
		r += 1.0
	}
	// return fr * 2**exponent
	k += 0x3FF
	switch {
	case k <= 0: // denormal
		if k < -52 {
			return 0
		}
		r *= Float64frombits(uint64(uint32(k+0x3FE)) << 52)
		k = 1
	case k >= 0x7FF:
		return Float64frombits(posInf)
	}
	return r * Float64frombits(uint64(uint32(k))<<52)
}
