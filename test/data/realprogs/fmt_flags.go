// fmt: every verb at widths, precisions and flags; Stringer, GoStringer, Formatter, error wrapping, Sscanf,
// Fscan, and the bad-verb and missing-argument forms.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

type P struct {
	X, Y int
	s    string
	p    *int
}
type S string

func (s S) String() string { return "S(" + string(s) + ")" }

type G struct{ v int }

func (g G) GoString() string { return fmt.Sprintf("G<%d>", g.v) }

type F struct{ n int }

func (f F) Format(st fmt.State, verb rune) {
	w, wok := st.Width()
	p, pok := st.Precision()
	fmt.Fprintf(st, "F[%c w=%d/%v p=%d/%v +%v -%v #%v 0%v sp%v]", verb, w, wok, p, pok, st.Flag('+'), st.Flag('-'), st.Flag('#'), st.Flag('0'), st.Flag(' '))
}

type E struct{ code int }

func (e *E) Error() string { return fmt.Sprintf("E%d", e.code) }

func main() {
	n := 5
	p := P{1, -2, "s", nil}
	_ = n
	fmt.Printf("%v|%+v|%T\n", p, p, p)
	fmt.Printf("%#v\n", P{1, 2, "q", nil})
	fmt.Printf("%v %d %s %q %x\n", S("a"), []S{"b"}, S("c"), S("d"), S("e"))
	fmt.Printf("%v %#v %+v\n", G{1}, G{2}, []G{{3}})
	fmt.Printf("%v|%6.2x|%-+#0 d\n", F{1}, F{2}, F{3})
	for _, v := range []any{42, -42, uint8(200), int64(-1 << 63)} {
		fmt.Printf("[%d|%5d|%-5d|%05d|%+d|%x|%X|%#x|%o|%#o|%O|%b|%c|%U|%#U|% d]\n", v, v, v, v, v, v, v, v, v, v, v, v, 65, 0x1F600, 0x1F600, v)
	}
	for _, f := range []float64{0, 1, -1.5, 3.14159265358979, 1e21, 1e-7, 123456789.0} {
		fmt.Printf("[%v|%g|%e|%E|%f|%8.3f|%-10.2f|%+.1e|%G|%.3g|%10.4g|%x|%b]\n", f, f, f, f, f, f, f, f, f, f, f, f, f)
	}
	fmt.Printf("[%s|%10s|%-10s|%.2s|%q|%+q|%#q|%x|% x|%X|% X]\n", "héllo", "hi", "hi", "héllo", "tab\t\"", "héllo", "back`", "hi", "hi", "hi", "hi")
	fmt.Printf("[%*d|%-*d|%.*f|%*.*f]\n", 6, 7, 6, 7, 2, 3.14159, 8, 3, 2.5)
	fmt.Printf("[%t|%5t|%v|%p|%v]\n", true, false, nil, nil, []any{nil, 1})
	fmt.Printf("[%v|%v|%.2f|%8.1f]\n", 1+2i, complex64(-1.5i), 3-4i, 1+1i)
	fmt.Printf("[%v|%d|%x|%X|%s|%q]\n", []byte("ab"), []byte("ab"), []byte("ab"), "ab", []byte("ab"), []byte("ab"))
	fmt.Printf("[%v|%v|%+v|%#v]\n", [2]bool{true}, map[string]P{"k": {}}, struct{ A *int }{nil}, []string{"x"})
	fmt.Printf("[%v|%#v|%#v|%#v]\n", struct{}{}, map[int]string{2: "b", 1: "a"}, [0]int{}, any(nil))
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%!\n")
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%z %-\n", 3)
	fmt.Printf("%[2]d %[1]d %[3]d %[5]d\n", 1, 2, 3)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.0, nil), fmt.Sprintln("x", 1))
	var np *P
	fmt.Printf("%v %+v %s\n", np, (*E)(nil) == nil, error(nil))
	base := &E{7}
	w := fmt.Errorf("layer1: %w", base)
	w2 := fmt.Errorf("layer2: %w", w)
	fmt.Println(w2, errors.Unwrap(w2) == w, errors.Is(w2, base))
	var target *E
	fmt.Println(errors.As(w2, &target), target.code)
	fmt.Println(fmt.Errorf("no wrap %v", base), errors.Unwrap(fmt.Errorf("x %v", base)))
	fmt.Println(fmt.Errorf("bad %w", "notanerror"))
	fmt.Println(errors.Is(fmt.Errorf("eof: %w", io.EOF), io.EOF))
	var a, b int
	var s string
	var fl float64
	k, err := fmt.Sscanf("12 abc 3.5 7", "%d %s %g %d", &a, &s, &fl, &b)
	fmt.Println(k, err, a, s, fl, b)
	k, err = fmt.Sscanf("x=5,y=z", "x=%d,y=%d", &a, &b)
	fmt.Println(k, err)
	k, err = fmt.Sscan("1\n2", &a, &b)
	fmt.Println(k, err, a, b)
	k, err = fmt.Sscanln("1\n2", &a, &b)
	fmt.Println(k, err)
	r := strings.NewReader("10 20 30\n40")
	sum := 0
	for {
		var v int
		_, err := fmt.Fscan(r, &v)
		if err != nil {
			fmt.Println("fscan end:", err)
			break
		}
		sum += v
	}
	fmt.Println("sum", sum)
	var hx int
	var rn rune
	fmt.Sscanf("ff Z", "%x %c", &hx, &rn)
	fmt.Println(hx, string(rn))
	fmt.Fprintln(os.Stderr, "to stderr", 1)
	fmt.Printf("%v %v\n", int8(-128), uint64(1<<64-1))
	fmt.Printf("%08.3f|%-8.3f|%+08d|% 8d|%x\n", -3.14159, 2.5, 42, 42, -255)
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Printf("%s %v\n", []string{"a", "b"}, [][]int{{1}, {2, 3}})
	fmt.Printf("%q %v %x\n", 'x', 'x', "\xff")
	fmt.Printf("%10.3v|%-10v|\n", "abcdef", true)
}
