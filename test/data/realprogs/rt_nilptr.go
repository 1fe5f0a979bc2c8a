// A nil pointer dereference: the SIGSEGV line with addr=0x0 and exit status 2.
package main

import "fmt"

type node struct {
	val  int
	next *node
}

func last(n *node) int {
	for n.next != nil {
		n = n.next
	}
	return n.val
}

func main() {
	l := &node{1, &node{2, nil}}
	fmt.Println(last(l))
	var empty *node
	fmt.Println(last(empty))
}
