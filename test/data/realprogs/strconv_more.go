// strconv: parse errors (syntax, range) with their exact text, every base, bit sizes, float formats,
// quoting, and Append forms.
package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

func main() {
	for _, s := range []string{"0", "-0", "+17", "0x1F", "0b101", "0o17", "017", "1_000", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "abc", "", " 1", "1e3"} {
		v, err := strconv.ParseInt(s, 0, 64)
		fmt.Printf("ParseInt(%q,0,64) = %d, %v\n", s, v, err)
	}
	for _, bs := range []int{8, 16, 32} {
		v, err := strconv.ParseInt("40000", 10, bs)
		fmt.Println(bs, v, err)
		u, err := strconv.ParseUint("-1", 10, bs)
		fmt.Println(bs, u, err)
	}
	_, err := strconv.ParseInt("1", 37, 64)
	fmt.Println(err)
	_, err = strconv.Atoi("12a")
	var ne *strconv.NumError
	fmt.Println(err, errors.As(err, &ne), ne.Func, ne.Num, ne.Err == strconv.ErrSyntax)
	for _, s := range []string{"3.14", "1e400", "-1e400", "1e-400", "inf", "-Inf", "NaN", "0x1p-2", "1_0.5", ".5", "5.", "1e", "0.1"} {
		f, err := strconv.ParseFloat(s, 64)
		g, err32 := strconv.ParseFloat(s, 32)
		fmt.Println(s, f, err, g, err32)
	}
	for _, f := range []float64{0, 1, 0.1, 1.0 / 3, 1e21, 1e20, 123456.789, -0.0, math.Inf(1), math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64, 5e-324} {
		fmt.Println(strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'e', 3, 64), strconv.FormatFloat(f, 'f', -1, 64),
			strconv.FormatFloat(f, 'G', 5, 64), strconv.FormatFloat(f, 'b', -1, 64), strconv.FormatFloat(f, 'x', -1, 64), strconv.FormatFloat(f, 'g', -1, 32))
	}
	for _, b := range []int{2, 8, 16, 36} {
		fmt.Println(strconv.FormatInt(-255, b), strconv.FormatUint(math.MaxUint64, b))
	}
	for _, s := range []string{"hello", "tab\there", "quote\"s", "ünïcode", "\x00\x7f\xff", "☺\u2028", "`back`"} {
		fmt.Println(strconv.Quote(s), strconv.QuoteToASCII(s), strconv.QuoteToGraphic(s), strconv.CanBackquote(s))
	}
	for _, s := range []string{`"a\tb"`, "`raw\\n`", `'x'`, `"bad`, `"\q"`, `'ab'`, `"\u263a"`} {
		u, err := strconv.Unquote(s)
		fmt.Printf("%q %v\n", u, err)
	}
	fmt.Println(strconv.QuoteRune('☺'), strconv.QuoteRuneToASCII('☺'), strconv.IsPrint('\u00ad'), strconv.IsGraphic(' '))
	for _, s := range []string{"true", "T", "0", "yes", "FALSE"} {
		b, err := strconv.ParseBool(s)
		fmt.Println(b, err)
	}
	buf := []byte("n=")
	buf = strconv.AppendInt(buf, -42, 10)
	buf = append(buf, ' ')
	buf = strconv.AppendFloat(buf, 2.5, 'f', 2, 64)
	buf = append(buf, ' ')
	buf = strconv.AppendQuote(buf, "q")
	buf = strconv.AppendBool(buf, true)
	fmt.Println(string(buf))
	c, err := strconv.ParseComplex("1+2i", 128)
	fmt.Println(c, err, strconv.FormatComplex(3-4i, 'f', 1, 128))
	fmt.Println(strconv.Itoa(math.MinInt64), strconv.FormatInt(math.MinInt64, 2))
}
