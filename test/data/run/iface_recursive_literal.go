// A literal interface type that contains itself through embedded interfaces (types2 testdata
// check/cycles1.go): its type string refers back to itself as @offset, as gc writes recursive types, instead of
// recursing forever (a fuzzer-found compiler stack overflow).

package main

type (
	A interface {
		a() interface {
			ABC1
		}
	}
	B interface {
		b() interface {
			ABC2
		}
	}
	C interface {
		c() interface {
			ABC3
		}
	}
	AB interface {
		A
		B
	}
	BC interface {
		B
		C
	}
	ABC1 interface {
		A
		B
		C
	}
	ABC2 interface {
		AB
		C
	}
	ABC3 interface {
		A
		BC
	}
)

type impl struct{}

func (impl) a() interface{ ABC1 } { return impl{} }
func (impl) b() interface{ ABC2 } { return impl{} }
func (impl) c() interface{ ABC3 } { return impl{} }

func main() {
	// (gc 1.19 itself fails at run time when these methods are called through the interfaces:
	// "unreachable method called. linker bug?"; only the descriptors are exercised here.)
	var e interface{} = impl{}.a
	_, ok := e.(int)
	_, isFunc := e.(func() interface{ ABC1 })
	println(ok, isFunc)
}
