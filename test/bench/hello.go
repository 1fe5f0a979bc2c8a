// The smallest program: used to compare executable sizes.
package main

func main() {
	println("hello, world")
}
