// Functions and methods named _ are checked but never compiled (gc drops them): several may coexist.

package main

type T struct{}

func (T) _()  {}
func (T) _()  {}
func _()      { println("never") }
func _()      {}
func (T) M() int { return 1 }

type I interface{ M() int }

func main() {
	var i I = T{}
	println(i.M())
}
