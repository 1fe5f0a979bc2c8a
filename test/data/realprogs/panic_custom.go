// A panic with a custom error value, after deferred functions print: exit status 2 and gc's message.
package main

import (
	"fmt"
	"os"
)

type ValidationError struct {
	Field string
	Code  int
}

func (e *ValidationError) Error() string { return fmt.Sprintf("invalid %s (code %d)", e.Field, e.Code) }

func validate(m map[string]string) {
	if m["name"] == "" {
		panic(&ValidationError{"name", 17})
	}
}

func main() {
	defer fmt.Println("deferred 1")
	defer func() {
		fmt.Fprintln(os.Stderr, "cleanup on stderr")
	}()
	fmt.Println("validating")
	validate(map[string]string{"x": "y"})
}
