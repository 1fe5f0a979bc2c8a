package main

func main() {
	s := "héllo, 世界"
	println(len(s), s[1], s[0:1]+"!")
	for i, r := range s {
		print(i, ":", r, " ")
	}
	println()
	for i := range "ab" {
		print(i)
	}
	println()
	bad := "a\xffb\xe4\xb8"
	for i, r := range bad {
		println(i, r)
	}
	b := []byte(s)
	b[0] = 'H'
	println(string(b), len(b))
	rs := []rune(s)
	println(len(rs), rs[1], string(rs[7:]))
	println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)))
	println("a" < "b", "abc" < "ab", "x" == "x", "x" != "y", "" < "a")
	t := ""
	for i := 0; i < 5; i++ {
		t += string(rune('a' + i))
	}
	println(t, t[1:3], t[:2], t[3:])
	var u string
	println(u == "", len(u))
}
