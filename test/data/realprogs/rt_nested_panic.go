// A panic raised by a deferred call while panicking: gc prints both values, the first marked as such.
package main

import (
	"errors"
	"fmt"
)

type resource struct{ name string }

func (r *resource) Close() {
	fmt.Println("closing", r.name)
	panic(fmt.Errorf("close %s: %w", r.name, errors.New("device busy")))
}

func work() {
	r := &resource{"disk0"}
	defer r.Close()
	var arr []int
	_ = arr[5]
}

func main() {
	defer fmt.Println("main's deferred print")
	work()
}
