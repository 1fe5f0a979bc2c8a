package main

// The math package through g1c's overlay (lib/math): its pure-Go arch* replacements and the rest of the
// package, compared bit for bit with gc. Not here: the functions that use Exp (Pow, Sinh, Tanh, Erf, ...):
// gc's exp_amd64.s takes an FMA path on CPUs that have one, and g1c's (lib/math/exp_asm.go) does not yet,
// as long as rt does not detect CPU features (see lib/internal/cpu).

import "math"

func show(name string, f float64) {
	println(name, f, math.Float64bits(f))
}

func main() {
	for _, x := range []float64{0, -0.5, 0.5, 1, 2.5, -3.75, 1e10, 1e-300, math.Inf(-1), math.NaN()} {
		show("floor", math.Floor(x))
		show("ceil", math.Ceil(x))
		show("trunc", math.Trunc(x))
		show("sqrt", math.Sqrt(x))
		show("abs", math.Abs(x))
		show("round", math.Round(x))
		show("roundeven", math.RoundToEven(x))
		frac, exp := math.Frexp(x)
		println("frexp", frac, exp)
		i, f := math.Modf(x)
		println("modf", i, f)
	}
	show("max", math.Max(1, 2))
	show("min", math.Min(math.Copysign(0, -1), 0))
	show("dim", math.Dim(5, 3))
	show("log", math.Log(7))
	show("log2", math.Log2(8))
	show("log10", math.Log10(1e5))
	show("log1p", math.Log1p(1e-5))
	show("hypot", math.Hypot(3e-320, 4e-320))
	show("hypot", math.Hypot(1e308, -1e308))
	show("sin", math.Sin(0.7))
	show("cos", math.Cos(0.7))
	show("tan", math.Tan(0.7))
	show("asin", math.Asin(0.3))
	show("atan", math.Atan(3))
	show("cbrt", math.Cbrt(10))
	show("gamma", math.Gamma(4.5))
	lg, sign := math.Lgamma(-2.5)
	println("lgamma", lg, sign)
	show("j0", math.J0(2))
	show("fma", math.FMA(0.1, 10, -1))
	show("ldexp", math.Ldexp(0.75, 10))
	show("mod", math.Mod(-7.5, 2))
	show("remainder", math.Remainder(7.5, 2))
	println(math.Signbit(math.Copysign(3, -1)), math.IsNaN(math.NaN()), math.IsInf(math.Inf(1), 0))
	println(math.Float32bits(float32(math.Pi)), math.Float32frombits(0x3f800000), math.MaxUint32, math.SmallestNonzeroFloat64)
	println(math.Nextafter32(1, 2), math.Nextafter(0, -1), math.Ilogb(1000), math.Logb(1000))
}
