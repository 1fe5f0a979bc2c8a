// math/big: factorials, Fibonacci, modular exponent, GCD, primes, Rat continued fractions, Float precision.
package main

import (
	"fmt"
	"math"
	"math/big"
)

func main() {
	f := new(big.Int).MulRange(1, 50)
	fmt.Println(f, f.BitLen(), len(f.String()))
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < 200; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	fmt.Println(a)
	fmt.Printf("%x %X %o %b\n", big.NewInt(255), big.NewInt(-255), big.NewInt(8), big.NewInt(5))
	fmt.Printf("%10d|%-10d|%+d|%08d\n", big.NewInt(42), big.NewInt(42), big.NewInt(42), big.NewInt(-42))
	m := new(big.Int).Exp(big.NewInt(3), big.NewInt(1000), big.NewInt(1000000007))
	fmt.Println(m)
	x, y := new(big.Int), new(big.Int)
	g := new(big.Int).GCD(x, y, big.NewInt(240), big.NewInt(46))
	fmt.Println(g, x, y)
	inv := new(big.Int).ModInverse(big.NewInt(3), big.NewInt(11))
	fmt.Println(inv)
	p, _ := new(big.Int).SetString("170141183460469231731687303715884105727", 10)
	fmt.Println(p.ProbablyPrime(20), new(big.Int).Add(p, big.NewInt(2)).ProbablyPrime(20))
	q, r := new(big.Int).QuoRem(big.NewInt(-7), big.NewInt(2), new(big.Int))
	d, mo := new(big.Int).DivMod(big.NewInt(-7), big.NewInt(2), new(big.Int))
	fmt.Println(q, r, d, mo)
	_, ok := new(big.Int).SetString("12x", 10)
	fmt.Println(ok)
	h, _ := new(big.Int).SetString("-0xdeadbeefcafebabe1234", 0)
	fmt.Println(h, h.Sign(), h.Cmp(big.NewInt(0)), new(big.Int).Abs(h).Text(36))
	fmt.Println(new(big.Int).Sqrt(big.NewInt(1000000)), new(big.Int).Lsh(big.NewInt(1), 100), new(big.Int).Rsh(h, 8))
	fmt.Println(new(big.Int).And(big.NewInt(12), big.NewInt(10)), new(big.Int).Not(big.NewInt(5)), new(big.Int).SetBit(big.NewInt(0), 70, 1))

	// sqrt(2) continued fraction convergents
	conv := big.NewRat(1, 1)
	for i := 0; i < 10; i++ {
		conv.Add(big.NewRat(1, 1), new(big.Rat).Inv(new(big.Rat).Add(big.NewRat(1, 1), conv)))
	}
	fmt.Println(conv, conv.FloatString(20))
	r1 := big.NewRat(3, -6)
	fmt.Println(r1, r1.Num(), r1.Denom(), r1.IsInt(), new(big.Rat).SetFrac64(10, 5).IsInt())
	r2, _ := new(big.Rat).SetString("1.25e-3")
	r3, _ := new(big.Rat).SetString("22/7")
	fmt.Println(r2, r3, new(big.Rat).Mul(r2, r3), new(big.Rat).Quo(r3, r2).RatString())
	fv, exact := r3.Float64()
	fmt.Println(fv, exact)
	fmt.Printf("%v %s %10.4f\n", r3, r3.String(), new(big.Float).SetRat(r3))

	for _, prec := range []uint{24, 53, 100, 300} {
		two := new(big.Float).SetPrec(prec).SetInt64(2)
		s := new(big.Float).SetPrec(prec).Sqrt(two)
		fmt.Println(prec, s.Text('g', 40), s.Text('e', 10), s.MinPrec())
	}
	pi := new(big.Float).SetPrec(200)
	// Machin: pi = 16 atan(1/5) - 4 atan(1/239)
	atanInv := func(n int64) *big.Float {
		x := new(big.Float).SetPrec(200).Quo(big.NewFloat(1).SetPrec(200), new(big.Float).SetPrec(200).SetInt64(n))
		x2 := new(big.Float).SetPrec(200).Mul(x, x)
		sum := new(big.Float).SetPrec(200).Set(x)
		term := new(big.Float).SetPrec(200).Set(x)
		for k := int64(1); k < 90; k++ {
			term.Mul(term, x2)
			t := new(big.Float).SetPrec(200).Quo(term, new(big.Float).SetPrec(200).SetInt64(2*k+1))
			if k%2 == 1 {
				sum.Sub(sum, t)
			} else {
				sum.Add(sum, t)
			}
		}
		return sum
	}
	pi.Mul(big.NewFloat(16).SetPrec(200), atanInv(5))
	pi.Sub(pi, new(big.Float).SetPrec(200).Mul(big.NewFloat(4).SetPrec(200), atanInv(239)))
	fmt.Println(pi.Text('f', 50))
	fmt.Printf("%.30f %g %e %v\n", pi, pi, pi, pi)
	inf := new(big.Float).SetInf(true)
	fmt.Println(inf, inf.IsInf(), big.NewFloat(math.MaxFloat64).Text('g', -1), big.NewFloat(-0.0).Signbit())
	i, acc := big.NewFloat(1e20 + 0.5).Int(nil)
	fmt.Println(i, acc)
	f64, acc := new(big.Float).SetPrec(200).Quo(big.NewFloat(1), big.NewFloat(3)).Float64()
	fmt.Println(f64, acc)
	pf, _, err := big.ParseFloat("1.5e1000", 10, 64, big.ToNearestEven)
	fmt.Println(pf, err)
	fmt.Println(new(big.Float).SetMode(big.ToZero).SetPrec(4).SetFloat64(7.9), big.ToZero, big.AwayFromZero)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		new(big.Int).Div(big.NewInt(1), big.NewInt(0))
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		new(big.Float).Sub(inf, inf)
	}()
}
