// Language corners that real code depends on: embedding and promotion, method values and expressions,
// closures over loop variables, labeled loops, goto, fallthrough, shadowing, integer wraparound and
// conversions, shifts, float corner cases, struct and array comparison, copy semantics, and iota.
package main

import (
	"fmt"
	"math"
	"unsafe"
)

type Animal interface {
	Sound() string
	Name() string
}
type Base struct{ name string }

func (b Base) Name() string   { return b.name }
func (b *Base) Rename(n string) { b.name = n }

type Dog struct {
	Base
	breed string
}

func (Dog) Sound() string { return "woof" }

type Loud struct{ Animal }

func (l Loud) Sound() string { return l.Animal.Sound() + "!!!" }

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

type Flags uint8

const (
	FlagA Flags = 1 << iota
	FlagB
	FlagC
)

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue", "Wed", "Thu"}[d] }

func divmod(a, b int) (q, r int) {
	defer func() { q *= 1 }()
	q, r = a/b, a%b
	return
}

func named() (x int) {
	defer func() { x *= 2 }()
	x = 5
	return x + 1
}

func main() {
	d := Dog{Base{"rex"}, "lab"}
	var a Animal = d
	fmt.Println(a.Name(), a.Sound(), Loud{a}.Sound(), Loud{a}.Name())
	d.Rename("max")
	fmt.Println(d.Name(), a.Name())
	f := d.Name
	d.Rename("zed")
	g := (*Base).Rename
	g(&d.Base, "bob")
	fmt.Println(f(), d.Name(), Dog.Sound(d))
	var funcs []func() int
	for i := 0; i < 3; i++ {
		funcs = append(funcs, func() int { return i })
	}
	for _, fn := range funcs {
		fmt.Print(fn(), " ")
	}
	fmt.Println()
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, ";")
		}
	}
	fmt.Println()
	n := 0
loop:
	if n < 3 {
		n++
		goto loop
	}
	fmt.Println("n", n)
	for _, x := range []int{1, 2, 3, 4} {
		switch {
		case x == 1:
			fmt.Print("one ")
			fallthrough
		case x == 2:
			fmt.Print("le-two ")
		case x > 3:
			fmt.Print("big ")
		default:
			fmt.Print("other ")
		}
	}
	fmt.Println()
	x := 1
	if x := 2; x > 1 {
		x := 3
		fmt.Println("inner", x)
	}
	fmt.Println("outer", x)
	var i8 int8 = 127
	i8++
	var u8 uint8 = 0
	u8--
	var u32 uint32 = 1 << 31
	s := 70
	big := 70000 + s
	fmt.Println(i8, u8, u32<<1, int32(u32), uint16(big), int8(-129+256), uint64(math.MaxUint64)+uint64(s-69))
	fmt.Println(1<<s == 0, uint64(1)<<63>>s, -8>>1, -7/2, -7%2, 7%-2, int64(-1)>>70)
	fl := 3.99
	fmt.Println(int(fl), int(-fl), int64(math.Float64frombits(0x7ff8000000000001)) != 0, math.Trunc(-0.5), 1/math.Inf(-1))
	fmt.Println(0.1+0.2, float32(0.1)+float32(0.2), 1e100, float32(16777217), math.MaxInt64, math.MinInt64)
	fmt.Println(math.Sqrt(-1), math.Floor(-2.5), math.Round(2.5), math.RoundToEven(2.5), math.Mod(-7, 3), math.Remainder(7, 3))
	fmt.Println(math.Pow(2, 0.5), math.Exp(1), math.Log(10), math.Sin(math.Pi/6), math.Atan2(1, -1), math.Hypot(3, 4), math.Cbrt(27))
	type P struct {
		A int
		B string
	}
	p1, p2 := P{1, "x"}, P{1, "x"}
	arr1, arr2 := [3]int{1, 2, 3}, [3]int{1, 2, 3}
	fmt.Println(p1 == p2, arr1 == arr2, &p1 == &p2)
	arr3 := arr1
	arr3[0] = 99
	sl := arr1[:]
	sl[1] = 42
	fmt.Println(arr1, arr3, sl, len(sl[:0]), cap(sl[1:]))
	s1 := []int{1, 2, 3, 4, 5}
	s2 := s1[1:3]
	s2 = append(s2, 100)
	fmt.Println(s1, s2, len(s2), cap(s2))
	s3 := append(s1[:1:1], 7)
	fmt.Println(s1, s3, copy(s1, []int{9, 9}), s1)
	fmt.Println(Monday, Thursday, Weekday(2), KB, MB, GB, FlagA|FlagC, FlagB&^FlagB)
	fmt.Printf("%v %d %s\n", Tuesday, Tuesday, Sunday)
	fmt.Println(divmod(17, 5))
	fmt.Println(named())
	fmt.Println(unsafe.Sizeof(p1), unsafe.Sizeof(struct {
		a bool
		b int64
		c bool
	}{}), unsafe.Alignof(int32(0)), unsafe.Offsetof(p1.B))
	c := complex(3, 4)
	fmt.Println(real(c), imag(c), c*c, c/2, -c)
	str := "héllo"
	fmt.Println(len(str), str[1], str[1:3], []byte(str)[:3], string(rune(233)), string(str[0]))
	for i, r := range "aé😀" {
		fmt.Print(i, r, " ")
	}
	fmt.Println()
	bs := []byte("abc")
	st := string(bs)
	bs[0] = 'X'
	fmt.Println(st, string(bs))
	var iface any = p1
	switch v := iface.(type) {
	case fmt.Stringer:
		fmt.Println("stringer", v)
	case P:
		fmt.Println("P", v.A)
	}
	var np *P
	var ai any = np
	fmt.Println(ai == nil, np == nil, ai.(*P) == nil)
	mm := map[string]*P{"a": {1, "y"}}
	mm["a"].A = 5
	fmt.Println(*mm["a"])
	ms := map[string]P{"a": {1, "y"}}
	tmp := ms["a"]
	tmp.A = 6
	ms["a"] = tmp
	fmt.Println(ms)
}
