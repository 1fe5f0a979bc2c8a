package main

// What depends on internal/cpu's view of the CPU in the packages g1c compiles: math.Exp takes the FMA path
// of exp_amd64.s when the CPU has AVX and FMA, and math.Floor quiets a signaling NaN when it has SSE4.1
// (gc's ROUNDSD). test/run.rs runs this under g1c and gc with GODEBUG turning features off, and compares.

import "math"

func main() {
	seed := uint64(4242)
	h := uint64(14695981039346656037)
	for i := 0; i < 50000; i++ {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		x := float64(int64(seed>>11)-(1<<52)) / (1 << 52) * 720
		h = (h ^ math.Float64bits(math.Exp(x))) * 1099511628211
	}
	snan := math.Float64frombits(0x7FF0000000000001)
	println(h, math.Float64bits(math.Floor(snan)), math.Float64bits(math.Ceil(snan)), math.Float64bits(math.Trunc(snan)))
}
