// Package hidden has interfaces and types with unexported methods, whose names are distinct from the
// same-named methods of other packages (Go spec "Uniqueness of identifiers").
package hidden

type S struct{}

func (p *S) get() int { return 1 }
func (p *S) Put() int { return 2 }

type I interface{ get() int }

type J interface {
	get() int
	Put() int
}

func F(i I) int { return i.get() }

// Is reports whether x satisfies I, asserted dynamically in this package.
func Is(x interface{}) bool {
	_, ok := x.(I)
	return ok
}

type V struct{}

func (V) get() int { return 3 }
