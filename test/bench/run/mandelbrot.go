package main

// The mandelbrot benchmark, 2000x2000 (a checksum of the bitmap instead of the PBM output: no imports).

func main() {
	const n = 2000
	const iter = 50
	const limit = 4.0
	sum := 0
	bits := 0
	nbits := 0
	for y := 0; y < n; y++ {
		ci := 2*float64(y)/n - 1
		for x := 0; x < n; x++ {
			cr := 2*float64(x)/n - 1.5
			zr, zi, tr, ti := 0.0, 0.0, 0.0, 0.0
			i := 0
			for ; i < iter && tr+ti <= limit; i++ {
				zi = 2*zr*zi + ci
				zr = tr - ti + cr
				tr = zr * zr
				ti = zi * zi
			}
			bits <<= 1
			if tr+ti <= limit {
				bits |= 1
			}
			nbits++
			if nbits == 8 {
				sum = (sum*31 + bits) % 1000000007
				bits, nbits = 0, 0
			}
		}
		if nbits > 0 {
			bits <<= uint(8 - nbits)
			sum = (sum*31 + bits) % 1000000007
			bits, nbits = 0, 0
		}
	}
	println("checksum:", sum)
}
