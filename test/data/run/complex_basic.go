package main

func main() {
	var a complex128 = complex(1, 2)
	b := 3 + 4i
	println(a+b, a-b, a*b, a/b, -a)
	var c complex64 = complex64(a)
	d := complex64(b)
	println(c*d, c/d, c+d)
	println(real(a), imag(b), real(c))
	x, y := 2.5, -1.0
	z := complex(x, y)
	z *= z
	println(z, z == complex(x, y), z != a)
	var zero complex128
	println(a/zero)
	m := map[complex128]int{a: 1, b: 2}
	println(m[1+2i], m[3+4i], len(m))
	var e interface{} = a
	println(e.(complex128) == a)
	f := complex128(c)
	println(f)
}
