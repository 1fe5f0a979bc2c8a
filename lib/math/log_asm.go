// g1c's own code (DESIGN §7) in place of GOROOT's math/log_asm.go: it stands in for haveArchLog and
// archLog, whose body gc takes from log_amd64.s. g1c assembles no .s files, and that assembly's result
// differs in the last bit from math's pure-Go log for some arguments (it does not normalize a subnormal x,
// and keeps its own order of operations), so archLog repeats its arithmetic in Go, one floating-point
// operation per instruction and in the same order, for gc's bits.

//go:build amd64

package math

const haveArchLog = true

// archLog: with x = 2**k * m, m in [1/2, 1) read straight from x's bits (so a subnormal x gets a
// wrong-but-gc's k and m, as in the assembly), m is doubled and k lowered once when m does not exceed
// sqrt(2)/2; then log x = k ln 2 + log(1+f) for f = m-1, where log(1+f) = 2 atanh(s), s = f/(2+f), comes
// from an odd polynomial in s evaluated as two halves in s**4. Each product is written float64(a*b) so that
// no compiler may fuse it into a multiply-add, which the assembly does not do.
func archLog(x float64) float64 {
	const (
		halfSqrt2 = 7.07106781186547524401e-01
		ln2Hi     = 6.93147180369123816490e-01 // k*ln2Hi is exact for every k here
		ln2Lo     = 1.90821492927058770002e-10
	)
	// The polynomial's coefficients, of s**2, s**4, ..., s**14.
	c := [...]float64{
		6.666666666666735130e-01,
		3.999999999940941908e-01,
		2.857142874366239149e-01,
		2.222219843214978396e-01,
		1.818357216161805012e-01,
		1.531383769920937332e-01,
		1.479819860511658591e-01,
	}

	b := Float64bits(x)
	if b&^(1<<63) == 0 {
		return Float64frombits(0xFFF0000000000000) // log ±0 = -Inf
	}
	if int64(b) < 0 {
		return Float64frombits(0x7FF8000000000001) // below zero (or a NaN with the sign bit): NaN
	}
	if b >= 0x7FF0000000000000 {
		return x // +Inf or NaN
	}

	m := Float64frombits(b&(1<<52-1) | 0x3FE0000000000000)
	k := float64(int32(b>>52&0x7FF) - 1022)
	// The assembly's CMPSD "not less than" and a mask: adj is 1 when m <= sqrt(2)/2, else 0 (no branch).
	adj := 0.0
	if !(halfSqrt2 < m) {
		adj = 1
	}
	k -= adj
	m *= adj + 1

	f := m - 1
	s := f / (f + 2)
	s2 := float64(s * s)
	s4 := float64(s2 * s2)
	odd := float64(float64(float64(c[6]*s4)+c[4])*s4) + c[2]
	odd = float64(s2 * (float64(odd*s4) + c[0]))
	even := float64(float64(float64(c[5]*s4)+c[3])*s4) + c[1]
	even = float64(s4 * even)
	hfsq := float64(float64(0.5*f) * f)
	tail := float64(s*(odd+even+hfsq)) + float64(ln2Lo*k)
	return float64(k*ln2Hi) - ((hfsq - tail) - f)
}
