// os.Exit(3) skips deferred calls, even ones that print, and buffered output written earlier survives.
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("never printed")
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "flushed line")
	w.Flush()
	fmt.Fprintln(w, "unflushed line is lost")
	fmt.Fprintln(os.Stderr, "error: something failed")
	func() {
		defer fmt.Println("inner defer never printed either")
		os.Exit(3)
	}()
}
