package main

// strconv over 20 000 random values (formatting every way, parsing back), hashed: compared with gc.

import (
	"math"
	"strconv"
)

func main() {
	seed := uint64(99)
	next := func() uint64 {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return seed
	}
	h := uint64(14695981039346656037)
	mix := func(s string) {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * 1099511628211
		}
	}
	for i := 0; i < 20000; i++ {
		b := next()
		f := math.Float64frombits(b)
		s := strconv.FormatFloat(f, 'g', -1, 64)
		mix(s)
		g, err := strconv.ParseFloat(s, 64)
		if err == nil && math.Float64bits(g) != b && f == f {
			println("roundtrip", s)
		}
		mix(strconv.FormatFloat(f, 'e', int(b%20), 64))
		mix(strconv.FormatFloat(f, 'f', int(b%10), 32))
		f32 := math.Float32frombits(uint32(b))
		mix(strconv.FormatFloat(float64(f32), 'g', -1, 32))
		mix(strconv.FormatInt(int64(b), int(2+b%35)))
		mix(strconv.Quote(string([]byte{byte(b), byte(b >> 8), byte(b >> 16), byte(b >> 24)})))
		x, err := strconv.ParseFloat(strconv.FormatUint(b%100000, 10)+"."+strconv.FormatUint(b>>40, 10)+"e"+strconv.Itoa(int(b%600)-300), 64)
		mix(strconv.FormatFloat(x, 'b', -1, 64))
		if err != nil {
			mix(err.Error())
		}
	}
	println(h)
}
