// An error panic inside a goroutine started from a method, with a custom error type printed by its Error.
package main

import (
	"fmt"
	"time"
)

type TimeoutErr struct{ Op string }

func (e *TimeoutErr) Error() string { return e.Op + ": timed out" }

type Server struct{ name string }

func (s *Server) handle(req int) {
	if req == 3 {
		panic(&TimeoutErr{"read " + s.name})
	}
	fmt.Println("handled", req)
}

func (s *Server) serve() {
	for i := 1; i <= 3; i++ {
		s.handle(i)
	}
}

func main() {
	s := &Server{"srv"}
	go s.serve()
	time.Sleep(2 * time.Second)
	fmt.Println("unreachable")
}
