// g1c's own code (DESIGN §7) in place of GOROOT's math/sqrt_asm.go: it stands in for haveArchSqrt and
// archSqrt, whose body gc takes from sqrt_amd64.s, a single SQRTSD (gc also compiles math.Sqrt calls to
// that instruction directly). g1c assembles no .s files, so archSqrt gives SQRTSD's result in Go.

//go:build 386 || amd64

package math

const haveArchSqrt = true

// archSqrt is SQRTSD (Intel SDM Vol. 2B): the correctly rounded root, which math's software sqrt computes
// too; a NaN operand comes back with its quiet bit set; a negative operand gives the "floating-point
// indefinite" QNaN (sign set, quiet bit set, zero payload: SDM Vol. 1 §4.8.3.7) where sqrt would give NaN().
// -0 is not negative here: its root is -0, from sqrt.
func archSqrt(x float64) float64 {
	if x != x {
		return Float64frombits(Float64bits(x) | 1<<51)
	}
	if x < 0 {
		return Float64frombits(0xFFF8000000000000)
	}
	return sqrt(x)
}
