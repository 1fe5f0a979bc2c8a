package main

// math/cmplx, which imports math (compiled through g1c's overlay, lib/math).

import (
	"math"
	"math/cmplx"
)

func main() {
	z := complex(3, 4)
	println(cmplx.Abs(z), cmplx.Phase(z), cmplx.Conj(z))
	println(cmplx.Sqrt(-1), cmplx.Sqrt(z), cmplx.Inf(), cmplx.IsNaN(cmplx.NaN()))
	r, th := cmplx.Polar(complex(0, 2))
	println(r, th, cmplx.Rect(2, math.Pi/2))
	println(cmplx.Sin(complex(0.5, 0)), cmplx.Cos(complex(0, 0)), cmplx.Asin(complex(0.25, 0)))
	println(cmplx.Log(complex(1, 0)), cmplx.Log10(complex(100, 0)))
	println(real(cmplx.Tan(complex(0.5, 0.25))), imag(cmplx.Tan(complex(0.5, 0.25))))
}
