package main

func main() {
	println("hello, world")
	print("a", 1, "\n")
	var b bool = true
	var f float64 = 1.5
	var f32 float32 = 0.25
	var u uint8 = 200
	println(b, f, f32, u, -7, 'x')
	s := "go" + "pher"
	t := s + "s" + "!"
	println(t, len(t))
}
