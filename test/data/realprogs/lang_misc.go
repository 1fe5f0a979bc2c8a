// Language corners: labeled break/continue/goto, closures over loop vars, method values/expressions,
// struct/array map keys, iota patterns, integer division and shifts, float32 rounding, complex, unsafe.
package main

import (
	"fmt"
	"math"
	"unsafe"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
	TB
)

const (
	A, B = iota, iota * 10
	C, D
	E, F
)

type Flags uint8

const (
	FlagA Flags = 1 << iota
	FlagB
	FlagC
	FlagD
)

func (f Flags) String() string {
	s := ""
	for i, n := range []string{"A", "B", "C", "D"} {
		if f&(1<<i) != 0 {
			s += n
		}
	}
	return "Flags(" + s + ")"
}

type Pt struct{ X, Y int }

func (p Pt) Add(q Pt) Pt     { return Pt{p.X + q.X, p.Y + q.Y} }
func (p *Pt) Scale(k int)    { p.X *= k; p.Y *= k }
func (p Pt) String() string  { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type S struct {
	a bool
	b int64
	c uint16
	d [3]byte
	e string
	f []int
	g any
}

func main() {
	fmt.Println(Sunday, Monday, Thursday, KB, MB, GB, TB, A, B, C, D, E, F)
	fmt.Println(FlagA|FlagC, FlagB|FlagD, Flags(0))
	fmt.Printf("%v %d %s\n", FlagA|FlagB, FlagD, FlagC)

outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	i := 0
loop:
	if i < 5 {
		fmt.Print("g", i)
		i++
		goto loop
	}
	fmt.Println()
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, v := range []int{7, 8} {
		v := v
		fs = append(fs, func() int { return v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	counter := func() func() int {
		c := 0
		return func() int { c++; return c }
	}()
	counter()
	counter()
	fmt.Println(counter())

	p := Pt{1, 2}
	add := p.Add
	p = Pt{10, 20}
	fmt.Println(add(Pt{1, 1}), Pt.Add(p, Pt{5, 5}), (*Pt).Add(&p, Pt{}))
	scale := p.Scale
	scale(3)
	(*Pt).Scale(&p, 2)
	fmt.Println(p)
	var str fmt.Stringer = p
	sfn := str.String
	fmt.Println(sfn(), fmt.Stringer.String(p))

	grid := map[[2]int]string{{0, 0}: "origin", {1, -1}: "se"}
	grid[[2]int{0, 0}] += "!"
	fmt.Println(grid[[2]int{0, 0}], len(grid), grid[[2]int{5, 5}] == "")
	pm := map[Pt]int{}
	pm[Pt{1, 2}]++
	pm[Pt{1, 2}]++
	pm[Pt{2, 1}]++
	fmt.Println(pm[Pt{1, 2}], len(pm), Pt{1, 2} == Pt{1, 2}, [3]int{1, 2, 3} != [3]int{1, 2, 4})
	im := map[any]string{1: "int", int64(1): "int64", "1": "string", Pt{}: "pt", [1]int{}: "arr"}
	fmt.Println(im[1], im[int64(1)], im["1"], im[Pt{}], im[[1]int{}], len(im))

	for _, n := range []int{7, -7} {
		for _, d := range []int{2, -2} {
			fmt.Print(n/d, " ", n%d, " | ")
		}
	}
	fmt.Println()
	var i8 int8 = -128
	fmt.Println(i8/-1, -i8, i8*i8, int8(127) == 127)
	var u8 uint8 = 200
	fmt.Println(u8+100, u8<<1, u8>>3, -u8, ^u8, u8&^0xF0)
	x := -17
	fmt.Println(x>>1, x>>63, uint32(x)>>28, x<<2, 1<<62>>60)
	var sh uint = 70
	fmt.Println(1<<sh, int32(1)<<30, uint64(1)<<63, int64(-1)>>sh)
	fmt.Println(math.MaxInt64, math.MinInt64, uint64(math.MaxUint64))
	f32 := float32(0.1)
	fmt.Println(f32, float64(f32), f32*3, float32(16777216.0)+1)
	fmt.Println(float32(1)/3*3 == 1, 0.1+0.2 == 0.3, float32(0.1)+float32(0.2) == float32(0.3))
	var f64 = 1e308
	fmt.Println(f64*10, -f64*10, int64(float64(1<<53)+1), math.Float32bits(-0.0), math.Float64bits(1.0))
	c := complex(3, 4)
	fmt.Println(c, real(c), imag(c), c*c, c/complex(0, 1), complex64(c), -c)
	fmt.Printf("%.2f %v %v\n", c, complex(math.Inf(1), -0.0), 1i*1i)
	fmt.Println(unsafe.Sizeof(S{}), unsafe.Alignof(S{}.b), unsafe.Offsetof(S{}.c), unsafe.Offsetof(S{}.d), unsafe.Offsetof(S{}.e), unsafe.Offsetof(S{}.f), unsafe.Offsetof(S{}.g))
	fmt.Println(unsafe.Sizeof(struct {
		a byte
		b int32
		c byte
	}{}), unsafe.Sizeof([0]int{}), unsafe.Sizeof(""), unsafe.Sizeof(any(nil)), unsafe.Sizeof(uintptr(0)))
	arr := [4]int32{10, 20, 30, 40}
	p2 := (*int32)(unsafe.Add(unsafe.Pointer(&arr[0]), 8))
	fmt.Println(*p2, unsafe.Slice(&arr[1], 2))
	bs := []byte("hello")
	s := *(*string)(unsafe.Pointer(&bs))
	fmt.Println(s, len(s))
	type small struct {
		a, b int16
	}
	sm := [2]small{{1, 2}, {3, 4}}
	fmt.Println(sm == [2]small{{1, 2}, {3, 4}}, sm)
	switch {
	case p.X > 100:
		fmt.Println("big")
		fallthrough
	case p.X > 1000:
		fmt.Println("fell")
	default:
		fmt.Println("default")
	}
	var iface any = p
	switch v := iface.(type) {
	case fmt.Stringer:
		fmt.Println("stringer", v)
	case Pt:
		fmt.Println("pt", v)
	}
	const big = 1 << 100
	fmt.Println(big>>98, big/(1<<99), float64(big))
	const huge = 1e500 / 1e499
	fmt.Println(huge, 'a'*2, "s"+"t", len("héllo"), len([]rune("héllo")))
}
