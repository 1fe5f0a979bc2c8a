package main

import "unsafe"

type S struct {
	a int8
	b int64
	c [3]int16
}

func main() {
	var s S
	println(unsafe.Sizeof(s), unsafe.Offsetof(s.c), unsafe.Alignof(s.b))
	arr := [4]int32{10, 20, 30, 40}
	p := unsafe.Pointer(&arr[0])
	p2 := (*int32)(unsafe.Pointer(uintptr(p) + 2*unsafe.Sizeof(arr[0])))
	println(*p2)
	p3 := (*int32)(unsafe.Add(p, 4))
	println(*p3)
	sl := unsafe.Slice(&arr[1], 2)
	println(len(sl), sl[1])
	f := 1.5
	bits := *(*uint64)(unsafe.Pointer(&f))
	println(bits)
}
