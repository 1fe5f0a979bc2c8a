// g1c's own code (DESIGN §7) in place of GOROOT's math/hypot_asm.go: it stands in for haveArchHypot and
// archHypot, whose body gc takes from hypot_amd64.s. g1c assembles no .s files; that assembly computes
// hypot without the rescaling of math's pure-Go hypot, so its results differ in the last bit for some
// arguments. archHypot repeats its arithmetic in Go for gc's bits.

//go:build amd64

package math

const haveArchHypot = true

// archHypot: big * sqrt(1 + (small/big)**2) on |p| and |q|, after the special cases (an infinite operand
// wins over a NaN; both zero gives 0). The order of big and small is MAXSD's and MINSD's, which matters only
// for which operand is returned when they compare equal, and they then have the same bits.
func archHypot(p, q float64) float64 {
	const infBits = 0x7FF0000000000000
	a := Float64bits(p) &^ (1 << 63)
	b := Float64bits(q) &^ (1 << 63)
	switch {
	case a == infBits || b == infBits:
		return Float64frombits(infBits)
	case a > infBits || b > infBits:
		return Float64frombits(0x7FF8000000000001) // the assembly's NaN
	case a|b == 0:
		return 0
	}
	x, y := Float64frombits(a), Float64frombits(b)
	big, small := y, x
	if x > y {
		big = x
	}
	if y < x {
		small = y
	}
	t := small / big
	return big * sqrt(float64(t*t)+1)
}
