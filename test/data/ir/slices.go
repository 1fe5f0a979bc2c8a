package main

func sum(xs ...int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	var s []int
	for i := 0; i < 10; i++ {
		s = append(s, i*i)
	}
	println(len(s), cap(s), s[3], sum(s...), sum(1, 2, 3), sum())
	t := s[2:5]
	println(len(t), cap(t), t[0])
	u := s[1:3:4]
	println(len(u), cap(u))
	m := make([]byte, 3, 10)
	m = append(m, "xyz"...)
	n := copy(m, "ab")
	println(n, string(m))
	b := []byte("hello")
	b[0] = 'H'
	println(string(b), string(rune(0x4e16)), string(b[1:3]))
	r := []rune("añb")
	println(len(r), r[1], string(r))
	a := [5]int{1, 2, 3, 4: 9}
	c := a
	c[0] = 100
	println(a[0], c[0], a[4], len(a))
	p := &a
	p[1] = 7
	println(a[1], len(p))
	str := "hello, world"
	println(str[7:], str[:5], str[3], str < "help", str == "hello, world")
	var z []int
	println(len(z), cap(z))
	i := 5
	println(s[i])
	println(s[i+10])
}
