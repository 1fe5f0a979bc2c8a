// fmt edge cases: wrong verbs, missing/extra args, star widths, Formatter/GoStringer, nested pointers, %x.
package main

import (
	"errors"
	"fmt"
	"os"
	"time"
)

type Money struct {
	Cents int64
	Cur   string
}

func (m Money) Format(f fmt.State, verb rune) {
	w, wok := f.Width()
	p, pok := f.Precision()
	switch verb {
	case 'v', 's':
		if f.Flag('+') {
			fmt.Fprintf(f, "%s %d.%02d (w=%d/%v p=%d/%v)", m.Cur, m.Cents/100, m.Cents%100, w, wok, p, pok)
			return
		}
		fmt.Fprintf(f, "%d.%02d %s", m.Cents/100, m.Cents%100, m.Cur)
	default:
		fmt.Fprintf(f, "%%!%c(Money=%d)", verb, m.Cents)
	}
}

type Secret string

func (s Secret) GoString() string { return `Secret("***")` }
func (s Secret) String() string   { return "***" }

type Node struct {
	V    int
	Next *Node
	Err  error
	Any  interface{}
}

type Flags uint8

func (f Flags) String() string {
	if f == 0 {
		return "none"
	}
	return fmt.Sprintf("flags(%08b)", uint8(f))
}

type BadStringer struct{}

func (BadStringer) String() string { panic("boom") }

type NilStringer struct{ p *int }

func (n *NilStringer) String() string { return fmt.Sprint(*n.p) }

func main() {
	m := Money{12345, "EUR"}
	fmt.Printf("%v|%+v|%10.3v|%s|%d|%x\n", m, m, m, []Money{m}, m, &m)
	fmt.Printf("%v %#v %s %q\n", Secret("pw"), Secret("pw"), []Secret{"a"}, Secret("q"))
	n := &Node{V: 1, Err: errors.New("e"), Any: Flags(5)}
	fmt.Printf("%v\n%+v\n", n, *n)
	fmt.Printf("%d %s %v %x %o %q\n", Flags(3), Flags(0), Flags(255), Flags(10), Flags(8), Flags(65))
	fmt.Printf("%d %s\n", "str", 42)
	fmt.Printf("%d\n")
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("x\n", 1, "two")
	fmt.Printf("%!\n")
	fmt.Printf("%z %-z\n", 1, "s")
	fmt.Printf("%*d|%-*d|%.*f|%*.*s|\n", 6, 42, 6, 42, 2, 3.14159, 8, 3, "abcdef")
	fmt.Printf("%*d\n", "x", 1)
	fmt.Printf("%.*d\n", -1, 1)
	fmt.Printf("%[2]d %[1]d %d %[5]d\n", 1, 2, 3)
	fmt.Printf("%[x]d %[0]d\n", 1)
	fmt.Printf("% x|%#x|% X|%x|%X\n", "hi there", "hi", []byte{1, 171}, "", [3]byte{255, 0, 16})
	fmt.Printf("%q %+q %#q %#+q %x %U %#U %c\n", "héllo\n", "héllo", "back`tick", "plain", 'é', 'é', '⌘', 0x1F600)
	fmt.Printf("%v %s\n", BadStringer{}, &NilStringer{})
	fmt.Printf("%t %t %v\n", true, 1, !false)
	fmt.Printf("%6.2f|%-8.3e|%+g|%G|%#g|%#.3x|%b\n", 3.14159, 1234.5678, 1e21, 1e-7, 2.0, 1.5, 2.5)
	fmt.Printf("%v %v %.2v %5.1v\n", 1+2i, complex64(-1.5-0.5i), 3.14159+2.71828i, 1i)
	fmt.Printf("%08.3f|%-08d|%+08d|% d|%x|%X|%#o|%O\n", -3.5, 42, 42, 42, -255, -255, 8, 8)
	fmt.Printf("%p %v\n", nil, nil)
	var np *Node
	var ni interface{}
	var ns []int
	var nm map[string]int
	var nf func()
	var nc chan int
	fmt.Printf("%v %+v %v %v %v %t %v %d\n", np, ni, ns, nm, nf == nil, nc == nil, []*int{nil}, []interface{}{nil, 1})
	fmt.Printf("%s %v %d\n", []string{"a", "b"}, [][]int{{1}, {2, 3}}, map[Flags]int{2: 1, 1: 2})
	fmt.Printf("%v %s\n", struct {
		A int
		b string
		C []byte
	}{1, "x", []byte("yz")}, struct{ E error }{})
	fmt.Printf("%v %v\n", time.Duration(1500)*time.Millisecond, os.ErrNotExist)
	fmt.Printf("%6s|%-6s|%.2s|%q|%5q\n", "ab", "ab", "abc", 'x', "a")
	fmt.Printf("%x %X %x\n", 3.5, -1.0, []string{"ab", "c"})
	fmt.Printf("%e %.0e %.0f %.1f %.1f\n", 0.0, 5e10, 2.5, 0.05, 0.25)
	fmt.Printf("%v %v %v %v\n", float32(0.1), 1e6, 1e-5, 123456789.0)
	fmt.Printf("%s|%v|%d\n", errors.New("err"), fmt.Errorf("wrap: %w", os.ErrClosed), []uint8{1, 2})
	fmt.Printf("%5t|%-7t|%v\n", true, false, uintptr(10))
	s := fmt.Sprintln("a", 1, 2, "b", "c", 3.0, nil)
	fmt.Print(s)
	fmt.Print("a", "b", 1, 2, "c", 3, nil, "\n")
	fmt.Println(fmt.Sprint(), fmt.Sprint(nil, nil), fmt.Sprint("x", nil))
	var e error = fmt.Errorf("multi %w and %w", os.ErrClosed, os.ErrExist)
	fmt.Println(e)
	fmt.Println(fmt.Errorf("%w", "notanerror"), fmt.Errorf("no wrap %v", nil))
	var sc1, sc2 string
	var i1 int
	var f1 float64
	cnt, err := fmt.Sscanf("name=bob age=42 h=1.85", "name=%s age=%d h=%f", &sc1, &i1, &f1)
	fmt.Println(cnt, err, sc1, i1, f1)
	cnt, err = fmt.Sscan("x 12 y", &sc1, &i1, &sc2)
	fmt.Println(cnt, err, sc1, i1, sc2)
	cnt, err = fmt.Sscan("x y", &sc1, &i1)
	fmt.Println(cnt, err)
	cnt, err = fmt.Sscanf("7-8", "%d-%d", &i1)
	fmt.Println(cnt, err)
}
