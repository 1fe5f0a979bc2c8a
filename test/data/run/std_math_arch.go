package main

// math's functions that gc implements in amd64 assembly and g1c's overlay writes in Go (lib/math: Log,
// Hypot, Sqrt as log_amd64.s, hypot_amd64.s and SQRTSD compute them), over many arguments of every kind
// (subnormals, infinities, NaNs), compared bit for bit with gc through a hash of the results.

import "math"

func main() {
	seed := uint64(12345)
	next := func() uint64 {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return seed
	}
	const offset, prime = 14695981039346656037, 1099511628211
	hl, hh, hs, hf := uint64(offset), uint64(offset), uint64(offset), uint64(offset)
	for i := 0; i < 100000; i++ {
		x := math.Float64frombits(next())
		y := math.Float64frombits(next() >> uint(i%12))
		hl = (hl ^ math.Float64bits(math.Log(x))) * prime
		hh = (hh ^ math.Float64bits(math.Hypot(x, y))) * prime
		hs = (hs ^ math.Float64bits(math.Sqrt(x))) * prime
		// Not NaN operands: gc compiles Floor and Ceil to ROUNDSD on CPUs with SSE4.1, which quiets a
		// signaling NaN, and to floor_amd64.s elsewhere, which does not.
		if x == x && y == y {
			hf = (hf ^ math.Float64bits(math.Floor(x)) ^ math.Float64bits(math.Ceil(y))) * prime
		}
	}
	println(hl, hh, hs, hf)
	for _, x := range []float64{0, -1, 1e-310, 0.7071067811865476, 2, math.Inf(1), math.Inf(-1), math.NaN()} {
		println(x, math.Float64bits(math.Log(x)), math.Float64bits(math.Sqrt(x)), math.Float64bits(math.Hypot(x, 1)))
	}
}
