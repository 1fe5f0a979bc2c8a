package main

const (
	A = iota * 10
	B
	C
	_
	E
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const big = 1 << 100
const small = big >> 98

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func main() {
	println(A, B, C, E, Monday, Tuesday, small)
	var i8 int8 = 127
	i8++
	println(i8)
	var u8 uint8 = 0
	u8--
	println(u8)
	var u16 uint16 = 65535
	u16 += 2
	println(u16)
	var i32 int32 = -2147483648
	println(i32, -i32, i32/-1, i32%-1)
	var i64 int64 = -9223372036854775808
	println(i64, i64/-1, i64%-1)
	var u64 uint64 = 1<<64 - 1
	println(u64, u64/3, u64%7, u64>>63)
	q, r := divmod(-7, 2)
	println(q, r)
	x := 1
	for s := uint(0); s < 70; s += 13 {
		println(s, x<<s, -8>>s, uint32(0xdeadbeef)>>s)
	}
	println(^0, ^uint8(5), 6&^3, 5|2, 7^2)
	var y uintptr = 3
	println(y * 5)
	m8, m1, u200, s300 := int8(-128), int8(-1), uint8(200), int16(300)
	println(m8/m1, u200+uint8(100), s300*s300)
}
