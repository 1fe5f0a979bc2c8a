// Integer division by zero from a variable.
package main

import (
	"fmt"
	"os"
)

func avg(total, n int) int { return total / n }

func main() {
	fmt.Println(avg(10, 2))
	n := len(os.Args) - 1
	fmt.Println(avg(10, n))
}
