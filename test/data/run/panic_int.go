package main

type E int

func main() {
	panic(E(42))
}
