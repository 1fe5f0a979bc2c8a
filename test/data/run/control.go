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

func main() {
	for i := -1; i < 12; i += 4 {
		println(i, classify(i))
	}
	switch x := 3; x {
	case 1, 2:
		println("one or two")
	case 3:
		println("three")
		fallthrough
	case 4:
		println("four")
	default:
		println("default")
	}
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
	i := 0
loop:
	if i < 3 {
		print(i)
		i++
		goto loop
	}
	println()
	n := 0
	for n < 5 {
		n++
	}
	for {
		n *= 2
		if n > 100 {
			break
		}
	}
	println(n)
	if v := n % 3; v == 0 {
		println("div3")
	} else if v == 1 {
		println("rem1")
	} else {
		println("rem2")
	}
	var b bool
	println(!b, b || n > 0, b && n > 0)
}
