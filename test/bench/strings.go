// Strings: concatenation, indexing, byte slices, conversions and comparisons.
package main

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

func isPalindrome(s string) bool {
	return s == reverse(s)
}

func main() {
	count := 0
	longest := ""
	for i := 0; i < 200000; i++ {
		s := itoa(i)
		if isPalindrome(s) {
			count++
			if len(s) >= len(longest) {
				longest = s
			}
		}
	}
	acc := ""
	for i := 0; i < 1000; i++ {
		acc += itoa(i % 10)
	}
	println("palindromes", count, "longest", longest, "len", len(acc))
}
