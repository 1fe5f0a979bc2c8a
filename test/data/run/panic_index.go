package main

func get(xs []int, i int) int {
	return xs[i]
}

func main() {
	xs := []int{1, 2, 3}
	println(get(xs, 2))
	println(get(xs, 5))
}
