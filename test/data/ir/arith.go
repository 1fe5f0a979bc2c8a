package main

func shifts(x int, n uint, m int) {
	println(x<<n, x>>n, uint32(x)>>n, int8(x)<<n)
	println(x << m)
}

func div(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func main() {
	var a int8 = 127
	a++
	println(a)
	var b uint8 = 0
	b--
	println(b)
	var c int16 = -32768
	println(c/-1, c%-1)
	var u uint32 = 1 << 31
	println(u*2, u+u-1)
	shifts(5, 2, 3)
	shifts(-8, 70, 1)
	q, r := div(-7, 2)
	println(q, r)
	x := 7.0
	y := x / 2
	println(y, int(y), int64(-y), uint8(300.0/2))
	var i64 int64 = -1
	println(uint64(i64), uint16(i64), float32(i64))
	println(^5, 6&^3, 5|2, 5^1, -x)
	var big uint64 = 1<<63 + 5
	println(big, float64(big))
	println(div(1, 0))
}
