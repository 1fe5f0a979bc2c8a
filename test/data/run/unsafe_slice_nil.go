package main

import "unsafe"

func main() {
	var p *int
	n := 3
	defer func() { println(recover().(error).Error()) }()
	_ = unsafe.Slice(p, n)
}
