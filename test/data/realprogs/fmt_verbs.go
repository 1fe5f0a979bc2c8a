// fmt's verbs with widths and flags on every kind of value.
package main

import (
	"errors"
	"fmt"
	"os"
)

type Point struct {
	X, Y int
	Name string
	tags []string
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Secret string

func (s Secret) GoString() string { return `Secret("***")` }

type Money struct {
	Cents int64
}

func (m Money) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 's':
		w, ok := f.Width()
		s := fmt.Sprintf("$%d.%02d", m.Cents/100, m.Cents%100)
		if ok {
			s = fmt.Sprintf("%*s", w, s)
		}
		if f.Flag('+') {
			s = "+" + s
		}
		fmt.Fprint(f, s)
	default:
		fmt.Fprintf(f, "%%!%c(Money=%d)", verb, m.Cents)
	}
}

type Color int

const (
	Red Color = iota
	Green
)

func (c Color) String() string { return [...]string{"Red", "Green"}[c] }

type Tree struct {
	Left, Right *Tree
	Val         int
}

func main() {
	p := Point{1, -2, "origin", []string{"a", "b"}}
	pp := &p
	var nilp *Point
	var nilerr error
	var nilmap map[string]int
	var nilslice []int
	var iface interface{}
	m := map[string]int{"zeta": 26, "alpha": 1, "mid": 13}
	mi := map[int]string{3: "c", -1: "neg", 2: "b"}
	mf := map[float64]bool{2.5: true, -1: false, 0: true}
	mb := map[bool]int{true: 1, false: 0}
	values := []interface{}{
		42, -7, int8(-128), uint8(255), uint64(1<<64 - 1), 3.14159, float32(2.5), 1e21, 1e-7,
		complex(1, -2), "hello\tworld", []byte("hi"), 'x', true, nil, p, pp, nilp, nilerr, nilmap, nilslice,
		iface, m, mi, mf, mb, [3]int{1, 2, 3}, []string{"x", "y"}, struct{}{}, Celsius(21.5),
		Secret("pw"), Money{12345}, Red, Green, errors.New("boom"), &Tree{Val: 1},
		[]*int{nil}, make(chan int) == nil, uintptr(0xdead), [0]int{}, []interface{}{1, "a", nil},
	}
	for i, v := range values {
		fmt.Printf("%2d %%v=%v|%%+v=%+v|%%T=%T\n", i, v, v, v)
		if _, ok := v.(*Tree); ok {
			continue
		}
		if _, ok := v.(*Point); ok {
			continue
		}
		fmt.Printf("   %%#v=%#v\n", v)
	}
	ints := []int64{0, 1, -1, 255, -255, 1 << 40, -1 << 63}
	for _, n := range ints {
		fmt.Printf("%d|%5d|%-5d|%05d|%+d|%x|%X|%#x|%o|%#o|%O|%b|%08b|%c|%q|%U|%#U|% d|%x\n",
			n, n, n, n, n, n, n, n, n, n, n, n, n, (n&0xffff)|0x41, n&0x7f|0x20, n&0xffff, n&0xffff, n, -n)
	}
	floats := []float64{0, 1, -1.5, 3.141592653589793, 1e100, 1e-100, 123456789.0, 0.000123, 2.0 / 3}
	for _, f := range floats {
		fmt.Printf("%v|%e|%E|%.3e|%f|%.2f|%8.3f|%-8.3f|%+.1f|%g|%G|%.3g|%10.4g|%b|%x|%X|%#g|%#.3x\n",
			f, f, f, f, f, f, f, f, f, f, f, f, f, f, f, f, f, f)
	}
	big := 1e308
	var inf, nan = big * 10, 0.0
	nan = nan / nan * 0
	fmt.Printf("%v %f %e %g %5.1f %+v %08.2f\n", inf, -inf, inf, nan, inf, nan, -inf)
	fmt.Printf("%v %.2f %+.3g %e %8.2f\n", complex(1.5, -2.25), complex(0, 1), complex(-1e10, 3), complex64(complex(1, 1)), 3+4i)
	strs := []string{"", "abc", "日本語", "tab\there", "quote\"s", "\x00\xff", "a\u2028b"}
	for _, s := range strs {
		fmt.Printf("[%s][%10s][%-10s][%.2s][%q][%+q][%#q][%x][% x][%X][% X][%#x][%5.1q]\n", s, s, s, s, s, s, s, s, s, s, s, s, s)
	}
	fmt.Printf("%q %+q %c %U %#U %x\n", '日', '日', 0x1F600, 0x1F600, 'ä', 'ä')
	fmt.Printf("%t %5t %-6t| %v\n", true, false, true, !true)
	fmt.Printf("%p %v\n", nil, nilp)
	fmt.Printf("%s %v %d\n", []byte("bytes"), []byte("ab"), []byte("ab"))
	fmt.Printf("%x %X % x %#x\n", []byte{1, 0xab}, []byte{1, 0xab}, []byte{1, 0xab}, []byte{1, 0xab})
	fmt.Printf("%6.2f|%-8v|%8v|%08.3f\n", []float64{1, 2.5}, []int{1, 2}, "s", -3.14159)
	fmt.Printf("%d %s\n", "str", 42)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%!\n")
	fmt.Printf("%z %-+# 0d\n", 1, 2)
	fmt.Printf("%[2]d %[1]d %[3]*.[2]*[1]f %[5]d\n", 1.0, 2, 8)
	fmt.Printf("%*d|%-*d|%.*f\n", 5, 1, 5, 2, 2, 3.14159)
	fmt.Printf("%v %s\n", errors.New("e1"), fmt.Errorf("wrap: %w", errors.New("inner")))
	fmt.Printf("%v|%s|%d\n", Money{5}, Money{99999}, Money{1})
	fmt.Printf("%+v|%10v\n", Money{250}, Money{250})
	fmt.Printf("%v %d %s %x\n", Red, Green, Color(1), Color(0))
	fmt.Printf("%v %+v %#v\n", []Color{Red, Green}, map[Color]int{Green: 2, Red: 1}, []Color{Green})
	fmt.Printf("%v %#v %T\n", struct {
		A int
		B *int
		C func()
	}{}, struct{ A, B int }{1, 2}, struct{ A, B int }{})
	fmt.Printf("%v %+v\n", &[]int{1}, &map[string]int{"a": 1})
	fmt.Printf("%#v %#v %#v %#v\n", int64(5), uint(7), "s", 'r')
	fmt.Printf("%#v %#v %#v\n", 1.0, float32(1e6), 1e21)
	fmt.Printf("%s\n", nilerr)
	fmt.Printf("%v %s\n", nilp, []error{nil, errors.New("x")})
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil, nilp))
	fmt.Println(fmt.Sprintln("x", 1) + "|")
	fmt.Print(1, 2, "\n")
	fmt.Fprintln(os.Stderr, "to stderr", 1)
	n, err := fmt.Sscanf("12 abc 3.5", "%d %s %g", new(int), new(string), new(float64))
	fmt.Println(n, err)
	var a, b int
	var s string
	n, err = fmt.Sscan("7 8 word", &a, &b, &s)
	fmt.Println(n, err, a, b, s)
	n, err = fmt.Sscanf("x", "%d", &a)
	fmt.Println(n, err)
	fmt.Printf("%v\n", [][]int{{1, 2}, {3}})
	fmt.Printf("%08.3e|%+08d|% 08d|%-08d|\n", 1234.5678, 42, 42, 42)
	fmt.Printf("%#v\n", map[string]interface{}{"b": []int{1}, "a": nil})
	fmt.Printf("%v\n", map[interface{}]int{"b": 1, "a": 3, "c": 4})
	fmt.Printf("%v\n", map[interface{}]int{2: 2, 1: 4, -5: 5})
	fmt.Printf("%v\n", map[interface{}]int{"b": 1, 2: 2, "a": 3, 1: 4, 1.5: 5, false: 6, Celsius(3): 7, uint8(3): 8, struct{ A int }{1}: 9, int64(5): 10, Money{250}: 11, Red: 12, [2]int{1}: 13})
}
