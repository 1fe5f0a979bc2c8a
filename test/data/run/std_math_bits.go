package main

import (
	"math"
	"math/bits"
)

func main() {
	println(math.Sqrt(2), math.Floor(-1.5), math.Ceil(1.2), math.Trunc(-2.7))
	println(math.Max(3, math.NaN()), math.Min(-0.0, 0), math.Inf(1), math.Hypot(3, 4))
	println(math.Log(10), math.Exp(1), math.Pow(2, 0.5), math.Sin(1), math.Atan2(1, 2))
	println(math.Float64bits(math.Log(7)), math.Float64bits(math.Hypot(1e300, 1e300)))
	println(math.MaxInt64, math.Nextafter(1, 2), math.Mod(7, 3), math.Cbrt(27), math.Erf(0.5), math.Gamma(5.5))
	hi, lo := bits.Mul64(1<<63, 6)
	println(hi, lo, bits.Reverse32(1), bits.RotateLeft8(0x81, 1), bits.Len(1023), bits.TrailingZeros16(8))
	q, r := bits.Div64(1, 0, 7)
	println(q, r)
	defer func() {
		e := recover().(error)
		println("recovered:", e.Error())
		bits.Div32(0, 1, 0)
	}()
	bits.Div64(5, 0, 3)
}
