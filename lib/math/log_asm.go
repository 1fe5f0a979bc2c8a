// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// g1c overlay (DESIGN §7): replaces GOROOT's log_asm.go, whose archLog is log_amd64.s. This is that
// assembly written in Go, operation for operation (each product rounded by an explicit conversion, so no
// compiler may fuse it into an FMA), so that Log gives gc's bits on amd64. Like the assembly, it does not
// normalize a subnormal argument and tests f1 <= Sqrt2/2 (CMPSD's "not less than" predicate).

//go:build amd64

package math

const haveArchLog = true

func archLog(x float64) float64 {
	const (
		hSqrt2 = 7.07106781186547524401e-01 // sqrt(2)/2
		ln2Hi  = 6.93147180369123816490e-01 // 0x3fe62e42fee00000
		ln2Lo  = 1.90821492927058770002e-10 // 0x3dea39ef35793c76
		l1     = 6.666666666666735130e-01   // 0x3FE5555555555593
		l2     = 3.999999999940941908e-01   // 0x3FD999999997FA04
		l3     = 2.857142874366239149e-01   // 0x3FD2492494229359
		l4     = 2.222219843214978396e-01   // 0x3FCC71C51D8E78AF
		l5     = 1.818357216161805012e-01   // 0x3FC7466496CB03DE
		l6     = 1.531383769920937332e-01   // 0x3FC39A09D078C69F
		l7     = 1.479819860511658591e-01   // 0x3FC2F112DF3E5244
	)
	bx := Float64bits(x)
	switch {
	case bx&^(1<<63) == 0: // ±0
		return Float64frombits(0xFFF0000000000000) // -Inf
	case int64(bx) < 0: // negative, -Inf, or a NaN with the sign bit
		return Float64frombits(0x7FF8000000000001) // NaN
	case bx >= 0x7FF0000000000000: // +Inf or NaN
		return x
	}
	// f1, ki := math.Frexp(x); k := float64(ki)
	f1 := Float64frombits(bx&0x000FFFFFFFFFFFFF | 0x3FE0000000000000)
	k := float64(int32(bx>>52&0x7FF) - 0x3FE)
	// if f1 <= math.Sqrt2/2 { k -= 1; f1 *= 2 }
	one := 0.0
	if !(hSqrt2 < f1) {
		one = 1
	}
	k -= one
	f1 *= one + 1
	f := f1 - 1
	s := f / (2 + f)
	s2 := float64(s * s)
	s4 := float64(s2 * s2)
	// t1 := s2 * (L1 + s4*(L3+s4*(L5+s4*L7)))
	t1 := float64(s2 * (float64(float64(float64(float64(float64(l7*s4)+l5)*s4)+l3)*s4) + l1))
	// t2 := s4 * (L2 + s4*(L4+s4*L6))
	t2 := float64(s4 * (float64(float64(float64(l6*s4)+l4)*s4) + l2))
	r := t1 + t2
	hfsq := float64(float64(0.5*f) * f)
	// return k*Ln2Hi - ((hfsq - (s*(hfsq+R) + k*Ln2Lo)) - f)
	return float64(k*ln2Hi) - ((hfsq - (float64(s*(r+hfsq)) + float64(ln2Lo*k))) - f)
}
