// os.Exit with a code skips deferred functions; output written before it is kept.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	defer fmt.Println("never printed")
	code, err := strconv.Atoi("7")
	if err != nil {
		panic(err)
	}
	fmt.Println("exiting with", code)
	fmt.Fprintln(os.Stderr, "error: something went wrong")
	os.Exit(code)
}
