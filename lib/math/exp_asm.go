// g1c's own code (DESIGN §7) in place of GOROOT's math/exp_asm.go: it stands in for haveArchExp and
// archExp, whose body gc takes from exp_amd64.s. g1c assembles no .s files, and math's pure-Go exp does
// not give the same bits, so archExp below repeats that assembly's arithmetic in Go, one floating-point
// operation per instruction, in the same order. Together with useFMA (GOROOT's exp_amd64.go, read from the
// CPU by internal/cpu as under gc) it makes math.Exp agree bit for bit with gc's on the same machine.

//go:build amd64

package math

const haveArchExp = true

// archExp: e**x for a finite x as 2**k * e**r, with k = round(x/ln 2), r = x - k*ln 2 (ln 2 in two parts
// so that k*ln 2 is exact), e**r from r/16 by a degree-8 Taylor polynomial and four squarings of the form
// y(y+2) (since e**2t - 1 = (e**t - 1)(e**t + 1)). With useFMA the reduction and the polynomial use fused
// multiply-adds (math.FMA rounds once, as VFMADD does) and the last squaring is fused with the final +1.
// Every other product is written as float64(a*b) so that no compiler may fuse it.
func archExp(x float64) float64 {
	const (
		infBits    = 0x7FF0000000000000
		negInfBits = 0xFFF0000000000000
		largest    = 7.09782712893384e+02 // beyond it e**x overflows
		invLn2     = 1.4426950408889634073599246810018920
		ln2Hi      = 0.69314718055966295651160180568695068359375 // ln 2 with the low bits zero
		ln2Lo      = 0.28235290563031577122588448175013436025525412068e-12
	)
	// 1/n! for n = 8 down to 2, then 1: the polynomial's coefficients, highest degree first.
	taylor := [...]float64{
		2.4801587301587301587e-5,
		1.9841269841269841270e-4,
		1.3888888888888888889e-3,
		8.3333333333333333333e-3,
		4.1666666666666666667e-2,
		1.6666666666666666667e-1,
		0.5,
		1.0,
	}

	b := Float64bits(x)
	if b&^(1<<63) >= infBits {
		if b == negInfBits {
			return 0
		}
		return x // +Inf, or NaN
	}
	if x > largest {
		return Float64frombits(infBits)
	}
	k := cvtsd2sl(float64(invLn2 * x))
	kf := float64(k)

	var y float64 // e**r - 1, then e**(16r) - 1, then e**r
	if useFMA {
		r := FMA(-ln2Lo, kf, FMA(-ln2Hi, kf, x)) * 0.0625
		p := taylor[0]
		for _, c := range taylor[1:] {
			p = FMA(r, p, c)
		}
		y = r * p
		for i := 0; i < 3; i++ {
			y *= y + 2
		}
		y = FMA(y+2, y, 1)
	} else {
		r := (x - float64(ln2Hi*kf) - float64(ln2Lo*kf)) * 0.0625
		p := taylor[0]
		for _, c := range taylor[1:] {
			p = float64(p*r) + c
		}
		y = r * p
		for i := 0; i < 4; i++ {
			y *= y + 2
		}
		y++
	}
	return timesPow2(y, k)
}

// cvtsd2sl is CVTSD2SL with the default rounding mode: f rounded to the nearest int32, ties to even, and
// the "integer indefinite" value -1<<31 when that is out of range.
func cvtsd2sl(f float64) int32 {
	t := RoundToEven(f)
	if t >= -1<<31 && t < 1<<31 {
		return int32(t)
	}
	return -1 << 31
}

// timesPow2 is exp_amd64.s's last step: y * 2**k by building 2**k's bits; when 2**k is subnormal, in two
// multiplications (by 2**(k+1022), then by 2**-1022); 0 or +Inf beyond the range of float64.
func timesPow2(y float64, k int32) float64 {
	e := k + 1023 // the biased exponent of 2**k
	if e <= 0 {
		if e < -52 {
			return 0
		}
		y *= Float64frombits(uint64(uint32(e+1022)) << 52)
		e = 1
	} else if e >= 2047 {
		return Float64frombits(0x7FF0000000000000)
	}
	return y * Float64frombits(uint64(uint32(e))<<52)
}
