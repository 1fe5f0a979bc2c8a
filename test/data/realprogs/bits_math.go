// math/bits, math/cmplx, math special functions and float formatting via strconv at all precisions.
package main

import (
	"fmt"
	"math"
	"math/bits"
	"math/cmplx"
	"strconv"
)

func main() {
	for _, x := range []uint64{0, 1, 0x80, 0xF0F0, 1 << 63, math.MaxUint64} {
		fmt.Println(bits.LeadingZeros64(x), bits.TrailingZeros64(x), bits.OnesCount64(x), bits.Len64(x), bits.Reverse64(x)>>56, bits.ReverseBytes64(x)&0xff, bits.RotateLeft64(x, -4)>>60)
	}
	hi, lo := bits.Mul64(math.MaxUint64, 3)
	q, r := bits.Div64(hi, lo, 7)
	s, c := bits.Add64(math.MaxUint64, 1, 0)
	d, b := bits.Sub64(0, 1, 0)
	fmt.Println(hi, lo, q, r, s, c, d, b, bits.UintSize, bits.OnesCount8(0xAA), bits.Len32(1000))
	fmt.Println(math.Sqrt(2), math.Cbrt(27), math.Pow(2, 0.5), math.Exp(1), math.Log(math.E), math.Log2(1024), math.Log10(0.001), math.Log1p(1e-10))
	fmt.Println(math.Sin(math.Pi/6), math.Cos(math.Pi), math.Tan(0.5), math.Atan2(-1, -1), math.Asin(1), math.Sinh(1), math.Hypot(3, 4))
	fmt.Println(math.Floor(-2.5), math.Ceil(-2.5), math.Trunc(-2.7), math.Round(-2.5), math.RoundToEven(2.5), math.Mod(-7, 3), math.Remainder(7, 3), math.Abs(-0.0))
	fr, ex := math.Frexp(40)
	ip, fp := math.Modf(-3.75)
	fmt.Println(fr, ex, math.Ldexp(0.5, 4), ip, fp, math.Signbit(math.Copysign(0, -1)), math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1))
	fmt.Println(math.Gamma(5), math.Erf(0.5), math.J0(1), math.Nextafter(1, 2), math.Nextafter32(1, 2), math.Float64frombits(0x7FF8000000000001))
	fmt.Println(math.MaxFloat32, math.SmallestNonzeroFloat32, math.MaxInt32, math.MinInt16, math.MaxUint16)
	fmt.Println(math.Max(math.NaN(), 1), math.Min(-0.0, 0), math.Dim(5, 3), math.FMA(2, 3, 4), math.Inf(1)-math.Inf(1))
	z := complex(1, 2)
	fmt.Println(cmplx.Abs(z), cmplx.Sqrt(-1), cmplx.Exp(complex(0, math.Pi)), cmplx.Pow(z, 2), cmplx.Phase(-1), cmplx.Conj(z), cmplx.IsNaN(cmplx.NaN()), cmplx.Inf())
	vals := []float64{0, 1, -1, 0.1, 1.0 / 3, 2.0 / 3, 1e-7, 123456789.123, 1e21, 1e100, 5e-324, math.MaxFloat64, math.Inf(1), math.NaN(), 0.000001234, 100}
	for _, v := range vals {
		fmt.Print(strconv.FormatFloat(v, 'g', -1, 64), " ", strconv.FormatFloat(v, 'e', 3, 64), " ", strconv.FormatFloat(v, 'f', 2, 32), " ", strconv.FormatFloat(v, 'G', 4, 64), " ", strconv.FormatFloat(v, 'b', -1, 64), " ", strconv.FormatFloat(v, 'x', -1, 64), "\n")
	}
	for _, s := range []string{"1e", "0x1p-2", "1_000.5", "inf", "-Inf", "nan", "1e309", "-1e-400", ".5", "5.", "0x", "1.7976931348623159e308", "4.9e-324"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println(s, f, err)
	}
	f32, err := strconv.ParseFloat("3.4028236e38", 32)
	fmt.Println(f32, err)
	for _, s := range []string{"0x1F", "0o17", "0b101", "-128", "1_000", "08", "9223372036854775808", "-9223372036854775809", "  1"} {
		i, err := strconv.ParseInt(s, 0, 64)
		fmt.Println(s, i, err)
	}
	u, err := strconv.ParseUint("255", 10, 8)
	u2, err2 := strconv.ParseUint("256", 10, 8)
	i8, err3 := strconv.ParseInt("-129", 10, 8)
	fmt.Println(u, err, u2, err2, i8, err3)
	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatUint(1<<64-1, 36), strconv.Itoa(-0), strconv.FormatInt(5, 2))
	fmt.Println(strconv.Quote("héllo\n\x00\u2028😀"), strconv.QuoteToASCII("héllo😀"), strconv.QuoteRune('☺'), strconv.QuoteRuneToGraphic('\t'), strconv.QuoteToGraphic("\u00a0x"))
	for _, s := range []string{`"a\tb"`, "`raw\\n`", `'x'`, `"bad`, `"\xff"`, `"\u00e9"`} {
		v, err := strconv.Unquote(s)
		fmt.Printf("%q %v\n", v, err)
	}
	bl, err := strconv.ParseBool("T")
	fmt.Println(bl, err, strconv.AppendInt([]byte("n="), -42, 10), string(strconv.AppendQuote(nil, "q")), strconv.IsPrint('\u00ad'), strconv.CanBackquote("a`b"))
}
