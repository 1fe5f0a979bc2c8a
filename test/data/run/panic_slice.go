package main

func main() {
	s := make([]int, 3, 5)
	i, j := 4, 2
	println(len(s[:5]))
	println(len(s[i:j]))
}
