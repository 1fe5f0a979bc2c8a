// math/big: factorials, Fibonacci, rationals, big floats, modular arithmetic, primes, and their formats.
package main

import (
	"fmt"
	"math"
	"math/big"
)

func fact(n int64) *big.Int {
	r := big.NewInt(1)
	for i := int64(2); i <= n; i++ {
		r.Mul(r, big.NewInt(i))
	}
	return r
}

func main() {
	f := fact(50)
	fmt.Println(f, f.BitLen(), len(f.String()))
	fmt.Printf("%x\n%X\n%o\n%b\n", fact(20), fact(20), fact(12), fact(8))
	fmt.Printf("[%40d]\n[%-30v]\n[%+d]\n", fact(25), fact(10), fact(5))
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < 200; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	fmt.Println("fib200", a)
	q, r := new(big.Int).QuoRem(f, big.NewInt(1_000_000_007), new(big.Int))
	fmt.Println(q, r)
	d, m := new(big.Int).DivMod(big.NewInt(-7), big.NewInt(3), new(big.Int))
	fmt.Println(d, m, new(big.Int).Quo(big.NewInt(-7), big.NewInt(3)), new(big.Int).Rem(big.NewInt(-7), big.NewInt(3)))
	e := new(big.Int).Exp(big.NewInt(3), big.NewInt(1000), big.NewInt(1_000_000_007))
	fmt.Println("3^1000 mod p =", e)
	g := new(big.Int).GCD(nil, nil, big.NewInt(1071), big.NewInt(462))
	fmt.Println("gcd", g, new(big.Int).ModInverse(big.NewInt(3), big.NewInt(11)))
	for _, n := range []int64{2, 97, 561, 7919, 1 << 31 - 1} {
		fmt.Print(n, ":", big.NewInt(n).ProbablyPrime(20), " ")
	}
	fmt.Println()
	s, ok := new(big.Int).SetString("-123456789012345678901234567890", 10)
	fmt.Println(s, ok, s.Sign(), new(big.Int).Abs(s), new(big.Int).Neg(s), s.Cmp(f))
	_, ok = new(big.Int).SetString("12z", 10)
	fmt.Println(ok)
	h, _ := new(big.Int).SetString("ff_ff", 0)
	fmt.Println(h, new(big.Int).Sqrt(f), new(big.Int).Lsh(big.NewInt(1), 100), new(big.Int).Rsh(f, 100))
	fmt.Println(new(big.Int).And(big.NewInt(12), big.NewInt(10)), new(big.Int).Not(big.NewInt(5)), f.Bit(45), s.Int64(), s.IsInt64())

	x := big.NewRat(1, 3)
	y := big.NewRat(-2, 6)
	fmt.Println(x, y, new(big.Rat).Add(x, y), new(big.Rat).Mul(x, big.NewRat(9, 4)), new(big.Rat).Quo(x, big.NewRat(4, 5)))
	sum := new(big.Rat)
	for i := int64(1); i <= 20; i++ {
		sum.Add(sum, big.NewRat(1, i))
	}
	fmt.Println("H20 =", sum, sum.FloatString(10), sum.Num(), sum.Denom())
	fl, exact := sum.Float64()
	fmt.Println(fl, exact)
	r2, _ := new(big.Rat).SetString("3.125")
	r3, _ := new(big.Rat).SetString("22/7")
	fmt.Println(r2, r3, r3.FloatString(5), r2.Cmp(r3), r2.IsInt(), new(big.Rat).SetFloat64(0.1))

	pi := new(big.Float).SetPrec(200)
	pi.SetString("3.14159265358979323846264338327950288419716939937510582097494459")
	two := big.NewFloat(2).SetPrec(200)
	sq := new(big.Float).SetPrec(200).Sqrt(two)
	fmt.Println(pi.Text('g', 50), sq.Text('f', 40), pi.Prec(), sq.MinPrec())
	fmt.Printf("%.20f %g %e %10.3f\n", sq, big.NewFloat(1.5), big.NewFloat(12345.678), big.NewFloat(-2.25))
	z := new(big.Float).Quo(big.NewFloat(1), big.NewFloat(3))
	fmt.Println(z, z.Acc(), z.Mode())
	i, acc := new(big.Float).SetFloat64(1e20).Int(nil)
	fmt.Println(i, acc)
	inf := new(big.Float).SetInf(false)
	fmt.Println(inf, inf.IsInf(), big.NewFloat(math.MaxFloat64).MantExp(nil))
	fmt.Println(new(big.Int).MulRange(1, 30), new(big.Int).Binomial(60, 30))
}
