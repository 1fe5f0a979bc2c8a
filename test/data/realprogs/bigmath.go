// math/big: factorials, Fibonacci, modular exponentiation, primes, rationals and big floats, formatting verbs.
package main

import (
	"fmt"
	"math"
	"math/big"
)

func main() {
	f := big.NewInt(1)
	for i := int64(1); i <= 50; i++ {
		f.Mul(f, big.NewInt(i))
	}
	fmt.Println("50! =", f)
	fmt.Println(f.BitLen(), len(f.String()), f.Text(36), f.Sign())
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < 300; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	fmt.Println("fib300 =", a)
	m := new(big.Int).Exp(big.NewInt(3), big.NewInt(1000), big.NewInt(1000000007))
	fmt.Println(m, new(big.Int).ModInverse(big.NewInt(3), big.NewInt(11)))
	p, _ := new(big.Int).SetString("170141183460469231731687303715884105727", 10)
	fmt.Println(p.ProbablyPrime(20), new(big.Int).Add(p, big.NewInt(2)).ProbablyPrime(20))
	q, r := new(big.Int).QuoRem(f, p, new(big.Int))
	fmt.Println(q, r)
	d, mod := new(big.Int).DivMod(big.NewInt(-7), big.NewInt(3), new(big.Int))
	fmt.Println(d, mod, new(big.Int).Quo(big.NewInt(-7), big.NewInt(3)), new(big.Int).Rem(big.NewInt(-7), big.NewInt(3)))
	g := new(big.Int)
	x, y := new(big.Int), new(big.Int)
	g.GCD(x, y, big.NewInt(240), big.NewInt(46))
	fmt.Println(g, x, y, new(big.Int).Sqrt(f), new(big.Int).Lsh(big.NewInt(1), 100), new(big.Int).Neg(p).Rsh(new(big.Int).Neg(p), 64))
	fmt.Printf("%d %x %X %o %b %#x %+d %10d|%-10d|%08d\n", big.NewInt(255), big.NewInt(255), big.NewInt(-255), big.NewInt(8), big.NewInt(5), big.NewInt(255), big.NewInt(3), big.NewInt(42), big.NewInt(42), big.NewInt(-42))
	_, ok := new(big.Int).SetString("12x", 10)
	fmt.Println(ok, big.NewInt(5).Cmp(big.NewInt(7)), big.NewInt(-5).CmpAbs(big.NewInt(3)))
	rat := big.NewRat(3, 4)
	rat.Add(rat, big.NewRat(1, 6))
	fmt.Println(rat, rat.FloatString(5), rat.Num(), rat.Denom(), new(big.Rat).SetFrac64(10, -4))
	r2, _ := new(big.Rat).SetString("3.14159")
	fl, exact := r2.Float64()
	fmt.Println(r2, fl, exact, new(big.Rat).Inv(r2), new(big.Rat).SetFloat64(0.1))
	bf := new(big.Float).SetPrec(200)
	bf.SetInt64(2)
	bf.Sqrt(bf)
	fmt.Println(bf.Text('g', 50), bf.Prec(), bf.MinPrec(), bf.Mode())
	fmt.Printf("%.30f %g %e %10.3f %v\n", bf, big.NewFloat(1e100), big.NewFloat(-0.5), big.NewFloat(math.Pi), big.NewFloat(1.5))
	z, _, err := big.ParseFloat("1.5e1000", 10, 100, big.ToNearestEven)
	fmt.Println(z, err, z.IsInf(), new(big.Float).Quo(big.NewFloat(1), big.NewFloat(3)).String())
	i, acc := new(big.Float).SetFloat64(1e20).Int(nil)
	fmt.Println(i, acc)
	fmt.Println(new(big.Float).SetInf(true), new(big.Float).Neg(big.NewFloat(0)))
	pi := new(big.Float).SetPrec(300)
	// Machin: pi = 16 atan(1/5) - 4 atan(1/239), series to enough terms
	atan := func(inv int64) *big.Float {
		sum := new(big.Float).SetPrec(300)
		term := new(big.Float).SetPrec(300).Quo(big.NewFloat(1), new(big.Float).SetInt64(inv))
		x2 := new(big.Float).SetPrec(300).SetInt64(inv * inv)
		for k := int64(0); k < 200; k++ {
			t := new(big.Float).SetPrec(300).Quo(term, new(big.Float).SetInt64(2*k+1))
			if k%2 == 0 {
				sum.Add(sum, t)
			} else {
				sum.Sub(sum, t)
			}
			term.Quo(term, x2)
		}
		return sum
	}
	pi.Sub(new(big.Float).Mul(big.NewFloat(16), atan(5)), new(big.Float).Mul(big.NewFloat(4), atan(239)))
	fmt.Println(pi.Text('f', 80))
	defer func() { fmt.Println("recovered:", recover()) }()
	new(big.Int).Div(big.NewInt(1), big.NewInt(0))
}
