package kvconf_test

import (
	"fmt"
	"strings"

	"kvconf"
)

func Example() {
	c, err := kvconf.Parse(strings.NewReader("[db]\nuser = admin\nport = 5432\n"))
	if err != nil {
		panic(err)
	}
	port, _ := c.Int("db.port")
	fmt.Println(c.Keys(), port)
	_, err = c.String("db.password")
	fmt.Println(err)
	// Output:
	// [db.port db.user] 5432
	// "db.password": kvconf: no such key
}

func ExampleSyntaxError() {
	_, err := kvconf.Parse(strings.NewReader("= nothing"))
	fmt.Println(err)
	// Output: kvconf: line 1: cannot parse "= nothing"
}
