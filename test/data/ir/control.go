package main

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	case n < 10:
		return "small"
	}
	return "big"
}

func sw(n int) {
	switch n {
	case 1, 2:
		println("one or two")
		fallthrough
	case 3:
		println("three (or fell)")
	default:
		println("default")
	case 4:
		println("four")
	}
}

func main() {
	for i := -1; i < 12; i += 5 {
		println(i, classify(i))
	}
	for i := 1; i <= 5; i++ {
		sw(i)
	}
	n := 0
	for n < 3 {
		n++
	}
	println(n)
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			println(i, j)
		}
	}
	k := 0
loop:
	if k < 3 {
		k++
		goto loop
	}
	println("k", k)
	for i, r := range "héllo, 世界" {
		println(i, r)
	}
	for i := range [3]int{} {
		print(i, " ")
	}
	println()
	for {
		if n > 5 {
			break
		}
		n += 2
	}
	println(n)
}
