package main

func main() {
	println(1.5, 0.1+0.2, -2.0, 1e100, 3.0/2)
	var f32 float32 = 1.0 / 3
	println(f32, float64(f32))
	x := 7.9
	println(int(x), int(-x), uint8(x))
	zero := 0.0
	println(1/zero, -1/zero, zero/zero)
	nan := zero / zero
	println(nan == nan, nan != nan, nan < 1, 1 < 2.5)
	println(float64(1<<62), float32(16777217))
}
