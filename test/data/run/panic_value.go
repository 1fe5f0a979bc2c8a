package main

type E int

func main() {
	defer1 := 3
	if defer1 > 2 {
		panic("boom: " + "bad thing")
	}
}
