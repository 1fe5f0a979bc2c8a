// g1c's own code (DESIGN §7) in place of GOROOT's math/floor_asm.go: it stands in for haveArchFloor,
// haveArchCeil, haveArchTrunc and archFloor, archCeil, archTrunc, whose bodies gc takes from floor_amd64.s.
// g1c assembles no .s files.
//
// What gc's math.Floor, Ceil and Trunc do on amd64: with SSE4.1 they compile to ROUNDSD, otherwise they
// call that assembly. Both give the exact result that math's portable floor, ceil and trunc give; they
// differ only for a signaling NaN, which ROUNDSD quiets and the assembly returns unchanged. So do these
// functions, choosing by the CPU's SSE4.1 as gc does (internal/cpu, which rt lets detect the CPU).

//go:build amd64

package math

import "internal/cpu"

const (
	haveArchFloor = true
	haveArchCeil  = true
	haveArchTrunc = true
)

func archFloor(x float64) float64 { return roundsdOr(x, floor) }
func archCeil(x float64) float64  { return roundsdOr(x, ceil) }
func archTrunc(x float64) float64 { return roundsdOr(x, trunc) }

// roundsdOr is round(x), except that, like ROUNDSD on a CPU that has it, a NaN comes back quiet.
func roundsdOr(x float64, round func(float64) float64) float64 {
	if x != x && cpu.X86.HasSSE41 {
		return Float64frombits(Float64bits(x) | 1<<51)
	}
	return round(x)
}
