package main

// Allocates 4 GB in total with a live set of a few KiB: the resident set must stay small and flat.

type Obj struct {
	next *Obj
	pad  [30]int
}

func main() {
	var keep *Obj
	n := 0
	for i := 0; i < 16000000; i++ {
		o := &Obj{}
		o.pad[i%30] = i
		if i%1000 == 0 {
			o.next = nil
			keep = o
		}
		n += o.pad[i%30] - i
	}
	b := 0
	for i := 0; i < 100000; i++ {
		s := make([]byte, 40000)
		s[i%40000] = 1
		b += int(s[i%40000])
	}
	println(keep.pad[0], n, b)
}
