package main

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	var s []int
	for i := 0; i < 20; i++ {
		s = append(s, i)
		print(len(s), "/", cap(s), " ")
	}
	println()
	println(sum(s), sum(s[5:10]), len(s[5:10]), cap(s[5:10]))
	t := make([]int, 3, 10)
	u := t[1:2:5]
	println(len(u), cap(u))
	n := copy(t, s)
	println(n, t[0], t[1], t[2])
	a := [5]int{1, 2, 3}
	b := a
	b[0] = 100
	println(a[0], b[0], len(a))
	as := a[:]
	as[1] = 42
	println(a[1])
	bs := []byte("hello")
	bs = append(bs, " world"...)
	println(string(bs))
	m := [][]int{{1, 2}, {3}}
	m[1] = append(m[1], 4, 5)
	println(len(m), len(m[1]), m[1][2])
	var big []int64
	for i := 0; i < 1000; i++ {
		big = append(big, int64(i))
	}
	println(len(big), cap(big))
	c := append([]int(nil), s[:3]...)
	println(len(c), cap(c))
	str := make([]string, 2)
	str[0] = "x"
	println(str[0], str[1] == "", len(str))
	arr := [...]string{2: "c", 0: "a"}
	println(len(arr), arr[0], arr[2])
	for i := range arr {
		print(i)
	}
	println()
}
