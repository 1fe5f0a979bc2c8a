package main

func f() ([]int, int) { return []int{1}, 2 }

func main() {
	s := append(f())
	println(len(s), s[1])
	c := make(chan int, 1)
	c <- 5
	var i interface{}
	select {
	case i = <-c:
	}
	println(i.(int))
}
