package main

// Strings built in loops: concatenation, conversions between strings, bytes and runes; some results are
// kept across many collections.

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

func main() {
	var kept []string
	total := 0
	for i := 0; i < 20000; i++ {
		s := ""
		for j := 0; j < 20; j++ {
			s += itoa(i + j)
			s += ","
		}
		b := []byte(s)
		b[0] = 'x'
		r := []rune(string(b))
		t := string(r)
		total += len(t)
		if i%500 == 0 {
			kept = append(kept, t)
		}
	}
	println("total:", total, "kept:", len(kept))
	for i, s := range kept {
		if i%8 == 0 {
			println(s[:40])
		}
	}
}
