package main

x := 1

func main() {
	a := [3]int{1, 2, 3
	}
	if x = 1 {
	}
	for i := 0; i < 3; i := i + 1 {
	}
	y := 'ab'
	z := 0x
	go (f())
	s := "unterminated
}

func g()
{
}
