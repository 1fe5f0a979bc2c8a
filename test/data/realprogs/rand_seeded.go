// math/rand with fixed seeds: Intn, Float64, Perm, Shuffle, NormFloat64, ExpFloat64, Zipf and a Monte
// Carlo estimate, all deterministic for a given source; math/cmplx and math/bits along the way.
package main

import (
	"fmt"
	"math"
	"math/bits"
	"math/cmplx"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(42))
	for i := 0; i < 5; i++ {
		fmt.Print(r.Intn(100), " ", r.Int63(), " ", r.Uint32(), " ")
	}
	fmt.Println()
	fmt.Printf("%.6f %.6f %.6f %.6f\n", r.Float64(), r.Float32(), r.NormFloat64(), r.ExpFloat64())
	fmt.Println(r.Perm(10))
	deck := []string{"A", "K", "Q", "J", "10", "9"}
	r.Shuffle(len(deck), func(i, j int) { deck[i], deck[j] = deck[j], deck[i] })
	fmt.Println(deck)
	z := rand.NewZipf(rand.New(rand.NewSource(7)), 1.5, 2, 100)
	for i := 0; i < 10; i++ {
		fmt.Print(z.Uint64(), " ")
	}
	fmt.Println()
	mc := rand.New(rand.NewSource(1))
	in := 0
	const N = 200000
	for i := 0; i < N; i++ {
		x, y := mc.Float64(), mc.Float64()
		if x*x+y*y < 1 {
			in++
		}
	}
	fmt.Printf("pi ~ %.4f\n", 4*float64(in)/N)
	buf := make([]byte, 8)
	rand.New(rand.NewSource(3)).Read(buf)
	fmt.Printf("% x %d %d\n", buf, r.Int31n(1000), r.Int63n(1<<40))
	rand.Seed(99)
	fmt.Println(rand.Intn(1000), rand.Intn(1000))
	c := complex(1, 1)
	fmt.Println(cmplx.Abs(c), cmplx.Phase(c), cmplx.Sqrt(-1), cmplx.Exp(complex(0, math.Pi)), cmplx.Pow(c, 2), cmplx.Conj(c), cmplx.IsNaN(cmplx.NaN()))
	fmt.Printf("%.4f\n", cmplx.Log(c))
	fmt.Println(bits.OnesCount64(0xF0F0), bits.LeadingZeros32(1), bits.TrailingZeros(8), bits.Reverse8(1), bits.RotateLeft32(1, -1), bits.Len(255))
	hi, lo := bits.Mul64(1<<63, 4)
	q, rem := bits.Div64(1, 0, 3)
	sum, carry := bits.Add64(math.MaxUint64, 1, 0)
	fmt.Println(hi, lo, q, rem, sum, carry, bits.ReverseBytes32(0x01020304))
	fmt.Println(math.Float64bits(1.5), math.Float32frombits(0x40490fdb), math.Nextafter(1, 2))
	fmt.Println(math.Frexp(8))
	fmt.Println(math.IsNaN(math.NaN()), math.Signbit(math.Copysign(0, -1)), math.Inf(1) > math.MaxFloat64, math.Ldexp(0.5, 3), math.Gamma(5), math.Erf(0.5))
	fr, exp := math.Modf(-3.75)
	fmt.Println(fr, exp, math.Log2(1024), math.Log10(0.001), math.Log1p(1e-10), math.Expm1(1e-10), math.J0(1), math.Tanh(0.5))
}
