// unsafe.Slice's run-time checks, as gc 1.19's unsafeslice: negative lengths, sizes that overflow or run
// past the end of the address space, nil pointers with a non-zero size (a zero-size element is allowed).
package main

import "unsafe"

func try(name string, f func()) {
	defer func() {
		if e := recover(); e != nil {
			println(name, e.(error).Error())
		}
	}()
	f()
	println(name, "ok")
}

func main() {
	var p [4]byte
	neg := -1
	var big uint64 = 1<<64 - 1
	last := (*byte)(unsafe.Pointer(^uintptr(0)))
	try("len 4", func() { _ = unsafe.Slice(&p[0], 4) })
	try("negative", func() { _ = unsafe.Slice(&p[0], neg) })
	try("huge", func() { _ = unsafe.Slice(&p[0], big) })
	try("overflow", func() { _ = unsafe.Slice(new(uint64), 1<<61) })
	try("last 1", func() { _ = unsafe.Slice(last, 1) })
	try("last 2", func() { _ = unsafe.Slice(last, 2) })
	try("nil 0", func() { println(unsafe.Slice((*int)(nil), 0) == nil) })
	try("nil 1", func() { _ = unsafe.Slice((*int)(nil), 1) })
	try("nil zero-size", func() { println(len(unsafe.Slice((*struct{})(nil), 3))) })
}
