// Arrays of arrays, value semantics and triple loops: matrix multiplication modulo a prime.
package main

const size = 120
const mod = 1000003

type Matrix [size][size]int

func (m *Matrix) fill(seed int) {
	x := seed
	for i := 0; i < size; i++ {
		for j := 0; j < size; j++ {
			x = (x*1103515245 + 12345) % 2147483648
			m[i][j] = x % 100
		}
	}
}

func mul(a, b *Matrix) *Matrix {
	c := new(Matrix)
	for i := 0; i < size; i++ {
		for k := 0; k < size; k++ {
			aik := a[i][k]
			for j := 0; j < size; j++ {
				c[i][j] = (c[i][j] + aik*b[k][j]) % mod
			}
		}
	}
	return c
}

func (m *Matrix) trace() int {
	t := 0
	for i := 0; i < size; i++ {
		t = (t + m[i][i]) % mod
	}
	return t
}

func main() {
	var a, b Matrix
	a.fill(1)
	b.fill(2)
	c := mul(&a, &b)
	for r := 0; r < 3; r++ {
		c = mul(c, &a)
	}
	println("trace", c.trace())
}
