// strconv's edge cases: parse errors (*NumError, ErrRange, ErrSyntax), bases, bit sizes, float formatting
// round trips, quoting, and Append* functions.
package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

func main() {
	ints := []string{"0", "-0", "+5", "0x1F", "0b101", "0o17", "017", "1_000", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "", " 1", "1e3", "abc", "0x", "_1"}
	for _, s := range ints {
		a, errA := strconv.Atoi(s)
		p, errP := strconv.ParseInt(s, 0, 64)
		u, errU := strconv.ParseUint(s, 0, 8)
		fmt.Printf("%-22q Atoi=%d,%v ParseInt0=%d,%v ParseUint8=%d,%v\n", s, a, errA, p, errP, u, errU)
		var ne *strconv.NumError
		if errors.As(errP, &ne) {
			fmt.Println("   ", ne.Func, ne.Num, ne.Err, errors.Is(errP, strconv.ErrRange), errors.Is(errP, strconv.ErrSyntax))
		}
	}
	for _, base := range []int{2, 8, 16, 36} {
		fmt.Println(strconv.FormatInt(-255, base), strconv.FormatUint(math.MaxUint64, base))
	}
	_, err := strconv.ParseInt("1", 1, 64)
	fmt.Println(err)
	_, err = strconv.ParseInt("1", 10, 65)
	fmt.Println(err)
	floats := []string{"3.14", "1e308", "1e309", "-1e309", "4.9e-324", "1e-400", "0x1p-2", "0x1.8p1", "inf", "-Infinity", "NaN", "1_0.5", ".5", "5.", "1e", "+.e1", "0.1", "123456789012345678901234567890"}
	for _, s := range floats {
		f64, e64 := strconv.ParseFloat(s, 64)
		f32, e32 := strconv.ParseFloat(s, 32)
		fmt.Printf("%-32q %v %v | %v %v\n", s, f64, e64, f32, e32)
	}
	vals := []float64{0, math.Copysign(0, -1), 1, 0.1, 1.0 / 3, 2.5e-8, 1e21, 123456789, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.NaN(), 100, 1e6, 0.000001}
	for _, v := range vals {
		fmt.Println(strconv.FormatFloat(v, 'g', -1, 64), strconv.FormatFloat(v, 'e', 3, 64), strconv.FormatFloat(v, 'f', -1, 64),
			strconv.FormatFloat(v, 'G', 4, 32), strconv.FormatFloat(v, 'b', -1, 64), strconv.FormatFloat(v, 'x', -1, 64), strconv.FormatFloat(v, 'X', 2, 64))
	}
	for _, s := range []string{"hello", "tab\t", "日本\u00e9", "\x7f\x00", "\U0001F600", "invalid\xff", `back\slash"q`} {
		fmt.Println(strconv.Quote(s), strconv.QuoteToASCII(s), strconv.QuoteToGraphic(s), strconv.CanBackquote(s))
	}
	for _, s := range []string{`"a\tb"`, "`raw\\n`", `'x'`, `"\u00e9\x41\101"`, `"unterminated`, `'ab'`, `"\q"`} {
		u, err := strconv.Unquote(s)
		fmt.Printf("%q %v\n", u, err)
	}
	r, mb, tail, err := strconv.UnquoteChar(`\u263a rest`, '"')
	fmt.Println(r, mb, tail, err)
	fmt.Println(strconv.QuoteRune('☺'), strconv.QuoteRuneToASCII('☺'), strconv.IsPrint('\u00ad'), strconv.IsGraphic(' '))
	for _, s := range []string{"true", "T", "1", "FALSE", "f", "yes"} {
		b, err := strconv.ParseBool(s)
		fmt.Println(b, err)
	}
	buf := []byte("x=")
	buf = strconv.AppendInt(buf, -42, 10)
	buf = strconv.AppendQuote(append(buf, ' '), "q")
	buf = strconv.AppendFloat(append(buf, ' '), 1.5, 'f', 2, 64)
	buf = strconv.AppendBool(append(buf, ' '), true)
	buf = strconv.AppendUint(append(buf, ' '), 255, 16)
	buf = strconv.AppendQuoteRune(append(buf, ' '), 'é')
	fmt.Println(string(buf))
	c, err := strconv.ParseComplex("(1+2i)", 128)
	fmt.Println(c, err, strconv.FormatComplex(complex(1.5, -0.25), 'f', 2, 64))
	fmt.Println(strconv.Itoa(math.MinInt64), strconv.FormatInt(math.MinInt64, 2))
}
