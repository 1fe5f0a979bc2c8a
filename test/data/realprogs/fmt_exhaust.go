// fmt verbs exhaustively: flags, widths, precision, star args, arg indexes, bad verbs, and nested values.
package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"time"
)

type Inner struct {
	A int
	B *int
	C []string
	D map[string]int
}

type Outer struct {
	Name  string
	In    Inner
	P     *Inner
	I     any
	E     error
	F     func()
	Ch    chan int
	Arr   [2]bool
	bytes []byte
}

type Temp float32

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float32(t)) }

type G struct{ v int }

func (g G) GoString() string { return fmt.Sprintf("G<%d>", g.v) }

type F struct{}

func (F) Format(s fmt.State, c rune) {
	w, wok := s.Width()
	p, pok := s.Precision()
	fmt.Fprintf(s, "F[%c w=%d/%v p=%d/%v +%v -%v #%v 0%v sp%v]", c, w, wok, p, pok, s.Flag('+'), s.Flag('-'), s.Flag('#'), s.Flag('0'), s.Flag(' '))
}

type E struct{}

func (*E) Error() string { return "E error" }

type panicky struct{}

func (panicky) String() string { panic("boom") }

type nilStringer struct{ x int }

func (n *nilStringer) String() string { return fmt.Sprint("ns", n.x) }

func main() {
	x := 5
	o := Outer{Name: "o", In: Inner{1, nil, []string{"a", ""}, map[string]int{"z": 1, "a": 2}}, I: 3.5, E: errors.New("e"), Arr: [2]bool{true}}
	fmt.Printf("%v\n", o.In)
	fmt.Printf("%+v\n", o.In.C)
	fmt.Printf("%#v\n", o.In.C)
	fmt.Printf("%#v\n", o.In.D)
	fmt.Printf("%T %T %T %T %T\n", o, &o, o.F, o.Ch, o.I)
	fmt.Printf("%v|%+v\n", o.P, o.E)
	fmt.Printf("%#v\n", Inner{A: 1})
	fmt.Printf("%#v %#v %#v %#v\n", 42, "s", 'r', 1.0)
	fmt.Printf("%#v %#v %#v\n", []any{1, "a", nil}, struct{ X, y int }{1, 2}, [2]Temp{1, 2})
	fmt.Printf("%#v %#v %#v\n", uint8(3), uintptr(9), complex(1, -2))
	for _, f := range []string{"%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%X", "%#x", "%o", "%O", "%#o", "%b", "%c", "%q", "%U", "%#U", "%08.3d", "%+.2e"} {
		fmt.Printf(f+" ", 65)
	}
	fmt.Println()
	for _, f := range []string{"%e", "%E", "%f", "%.2f", "%8.3f", "%-8.3f|", "%g", "%G", "%.3g", "%x", "%X", "%b", "%+f", "% .1f", "%010.2f", "%#g", "%#.3x", "%v"} {
		fmt.Printf(f+" ", 1234.5678)
	}
	fmt.Println()
	for _, v := range []float64{math.Inf(1), math.Inf(-1), math.NaN(), -0.0, math.Copysign(0, -1), 1e21, 1e20, 1e-5, 123456789.0, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		fmt.Printf("%v %g %.3e %f %5.1f|%+v\n", v, v, v, v, v, v)
	}
	fmt.Printf("%v %v %v\n", float32(0.1), float32(1)/3, float32(16777217))
	fmt.Printf("%v %.2f %+.1e %g\n", 3+4i, -1.5-2.25i, complex64(1i), complex(math.Inf(1), math.NaN()))
	fmt.Printf("%s|%10s|%-10s|%.2s|%q|%+q|%#q|%x|% x|%X|% X\n", "héllo", "hi", "hi", "héllo", "a\tb\"", "héllo", "back`q", "hi", "hi", "héllo", []byte("ab"))
	fmt.Printf("%*d|%-*d|%.*f|%[2]d %[1]d|%[3]*.[2]*[1]f|%d %d %#[1]x %#x\n", 5, 42, 4, 7, 2, 3.14159, 12.0, 2, 6, 16, 17)
	fmt.Printf("%!|%z|%d|%s\n", 1, "x", "y")
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2, "x")
	fmt.Printf("%[5]d %[0]d %[x]d\n", 1)
	fmt.Printf("%.*d %*d\n", "x", 1, -3, 9)
	fmt.Printf("%t %v %5t %q\n", true, false, true, true)
	fmt.Printf("%p %v\n", nil, nil)
	var np *int
	var ni any
	var ne error
	var nm map[string]int
	var ns []int
	var nf func()
	fmt.Printf("%v %v %v %v %v %v %d %s\n", np, ni, ne, nm, ns, nf == nil, ns, ns)
	fmt.Printf("%+v %#v %#v %#v %#v\n", np, ni, nm, ns, np)
	fmt.Println(Temp(21.55), []Temp{1, 2.25}, map[Temp]int{3: 1, 1: 2}, &x == nil)
	fmt.Printf("%v %+v %#v %s %d\n", G{1}, G{2}, G{3}, G{4}, G{5})
	fmt.Printf("%v|%+8.3x|%-#v|% 05d\n", F{}, F{}, F{}, F{})
	var e *E
	fmt.Println(e.Error(), error(e))
	fmt.Printf("%v|%s|%d\n", panicky{}, panicky{}, panicky{})
	var nsx *nilStringer
	fmt.Printf("%v %s\n", nsx, &nilStringer{4})
	fmt.Printf("%v %d %s\n", map[int]string{3: "c", -1: "a", 2: "b"}, map[string]int{"b": 2, "a": 1}, map[bool]string{true: "t", false: "f"})
	fmt.Printf("%v\n", map[any]int{"b": 1, 2: 2, "a": 3, 1: 4, 2.5: 5, false: 6})
	fmt.Printf("%v %v\n", map[[2]int]string{{2, 1}: "x", {1, 9}: "y"}, map[struct{ a, b string }]int{{"b", "a"}: 1, {"a", "z"}: 2})
	fmt.Printf("%x %X %x % x %#x\n", "hello", []byte{1, 171}, -255, []int{10, 11}, []byte("go"))
	fmt.Printf("%6.2v|%-6v|%06v|%v\n", 3.14159, "ab", 42, [3]uint8{1, 2, 3})
	fmt.Printf("%s %v %d\n", []byte("bytes"), []byte("ab"), []byte("ab"))
	fmt.Printf("%c %c %q %q %U\n", 0x1F600, -1, 0x10FFFF+1, '\x00', 0x1F600)
	fmt.Printf("%v %s\n", time.Duration(1500)*time.Millisecond, 90*time.Second)
	fmt.Printf("%5.1q|%.0d|%.0d|%+.3s\n", "abcdef", 0, 7, "héllo")
	fmt.Printf("%v %v\n", int64(math.MinInt64), uint64(math.MaxUint64))
	fmt.Printf("%b %o %x %X %d\n", int8(-128), uint16(65535), int32(-1), uint32(3735928559), int64(-9223372036854775808))
	fmt.Printf("%e %g %v\n", float32(3.4e38), float32(1e-45), float32(2.5e-8))
	n, err := fmt.Fprintf(os.Stdout, "%s\n", "counted")
	fmt.Println(n, err)
	fmt.Print("a", "b", 1, 2, "c", 3.0, nil, "\n")
	fmt.Println(fmt.Sprint(1, 2), fmt.Sprint("a", 1, "b"), fmt.Sprintln("x", 1))
	var s1, s2 string
	var i1 int
	var f1 float64
	cnt, err := fmt.Sscanf("key=abc 42 2.5", "key=%s %d %g", &s1, &i1, &f1)
	fmt.Println(cnt, err, s1, i1, f1)
	cnt, err = fmt.Sscan("x y 7", &s1, &s2, &i1)
	fmt.Println(cnt, err, s1, s2, i1)
	cnt, err = fmt.Sscanf("nope", "%d", &i1)
	fmt.Println(cnt, err)
	fmt.Println(fmt.Sprintf("%v", struct {
		A *int
		B []*int
	}{nil, []*int{nil}}))
	type T struct {
		M map[string][]int
		S []map[int]bool
	}
	fmt.Printf("%v\n%+v\n%#v\n", T{map[string][]int{"k": {1}}, []map[int]bool{{2: true}}}, T{}, T{})
}
