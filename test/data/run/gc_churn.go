package main

// Allocates 1 GB in total while keeping about 100 MB live: a ring of 100,000 objects of 1 KiB, each
// replaced ten times. Every survivor is checked at the end, so a collector that frees or reuses a live
// object is caught.

type Obj struct {
	id   int
	self *Obj
	pad  [126]int
}

func main() {
	const live = 100000
	const total = 1000000
	ring := make([]*Obj, live)
	for i := 0; i < total; i++ {
		o := &Obj{id: i}
		o.self = o
		o.pad[i%126] = i
		ring[i%live] = o
	}
	bad := 0
	sum := 0
	for j, o := range ring {
		id := total - live + j
		if o.id != id || o.self != o || o.pad[id%126] != id {
			bad++
		}
		for _, v := range o.pad {
			sum += v
		}
	}
	println("bad:", bad, "sum:", sum)
}
