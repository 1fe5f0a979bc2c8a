package main

import "unsafe"

// Scalar fields that hold heap addresses, in objects that stay live: a list of nodes whose `hint` and
// `pad` words hold the address of a 256 KiB block that nothing points to any more, and a map from
// ints to those addresses. Conservative scanning of the nodes (or of the map's buckets) would keep all
// 2000 blocks (500 MiB); precise scanning follows only `next`, so the blocks are freed.
type node struct {
	id   int
	hint uintptr
	next *node
	pad  [5]uintptr
}

type pair struct {
	a, b uintptr
	p    *int
}

func main() {
	var list *node
	seen := map[int]uintptr{}
	pairs := make([]pair, 0, 4)
	for i := 0; i < 2000; i++ {
		blk := make([]*node, 32*1024)
		for j := range blk {
			blk[j] = list
		}
		a := uintptr(unsafe.Pointer(&blk[0]))
		list = &node{id: i, hint: a, next: list}
		list.pad[i%5] = a + 8*uintptr(i%len(blk))
		seen[i] = a
		v := i
		pairs = append(pairs, pair{a: a, b: a + 64, p: &v})
	}
	n, ids := 0, 0
	for p := list; p != nil; p = p.next {
		n++
		ids += p.id
	}
	sum := 0
	for _, p := range pairs {
		sum += *p.p
	}
	println("nodes:", n, "ids:", ids, "map:", len(seen), "pairs:", len(pairs), "sum:", sum)
}
