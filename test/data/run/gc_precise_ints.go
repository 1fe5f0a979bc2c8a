package main

import "unsafe"

// Pointer-free data full of values that look like heap addresses: the addresses of 512 blocks of 1 MiB
// (each a []*int) are kept in a []uintptr while the blocks themselves are dropped. A collector that
// scanned the []uintptr conservatively would keep every block (512 MiB); the heap is scanned precisely
// (a []uintptr holds no pointers), so they are freed and the program runs in a few MiB.
func main() {
	const blocks = 512
	addrs := make([]uintptr, 0, 16)
	sum := 0
	for i := 0; i < blocks; i++ {
		b := make([]*int, 128*1024)
		x := i
		for j := range b {
			b[j] = &x
		}
		sum += *b[i%len(b)]
		// The block's start and addresses inside it, as interior pointers would be.
		for j := 0; j < len(b); j += 4096 {
			addrs = append(addrs, uintptr(unsafe.Pointer(&b[j])))
		}
	}
	distinct := 0
	for i, a := range addrs {
		if a != 0 && (i == 0 || a != addrs[i-1]) {
			distinct++
		}
	}
	println("blocks:", blocks, "sum:", sum, "addresses:", len(addrs), "distinct:", distinct)
}
