// os.Exit skips deferred calls; output flushed via bufio before exit; exit code 7.
package main

import (
	"bufio"
	"fmt"
	"os"
)

func run() int {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for i := 0; i < 5; i++ {
		fmt.Fprintf(w, "line %d\n", i)
	}
	if len(os.Args) > 5 {
		return 0
	}
	return 7
}

func main() {
	defer fmt.Println("never printed")
	code := run()
	fmt.Fprintln(os.Stderr, "exiting with", code)
	os.Exit(code)
}
