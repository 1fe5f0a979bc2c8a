// g1c's own code: part of package runtime's Go face (lib/runtime/omit; the runtime itself is rt). It stands
// in for these declarations of GOROOT's runtime/error.go: Error, TypeAssertionError, errorString, plainError,
// boundsError, boundsErrorCode and their methods.
//
// rt reports the run-time errors of compiled code itself (docs/RUNTIME-ABI.md, "Defer, panic, recover"); these
// are the dynamic types a recovered run-time error has, as in gc, so that `%T`, `%#v`, `==` and type switches
// see gc's values. rt builds them (rt/src/defer.rs, rterror_value): their names and fields are part of that
// contract, and the lowering emits their descriptors whenever the program has this package.

package runtime

// Error is implemented by the errors the runtime panics with; the marker method RuntimeError, which does
// nothing, sets them apart from other errors.
type Error interface {
	error
	RuntimeError()
}

// TypeAssertionError is the panic value of a failed type assertion x.(T). gc keeps type descriptors in it;
// g1c keeps the strings its message needs.
type TypeAssertionError struct {
	iface    string // the static type of x, or "" for a plain interface
	have     string // x's dynamic type, or "" when x was nil
	want     string // T
	otherPkg bool   // have and want are spelled alike but come from different packages
	missing  string // a method of the interface T that x's dynamic type lacks, if that was the reason
}

func (*TypeAssertionError) RuntimeError() {}

// errorString is a run-time error whose message reads "runtime error: " and the string (a nil dereference,
// a division by zero, a negative shift amount, a bad make size, ...).
type errorString string

func (errorString) RuntimeError() {}

func (e errorString) Error() string { return "runtime error: " + string(e) }

// plainError is a run-time error whose message is the string alone (a send on a closed channel, an
// assignment to an entry in a nil map, ...).
type plainError string

func (plainError) RuntimeError() {}

func (e plainError) Error() string { return string(e) }

// boundsErrorCode says which check failed: an index, or one of the bounds of a slice expression or a
// conversion of a slice to an array pointer (docs/RUNTIME-ABI.md numbers them as g1c_panic_bounds does).
type boundsErrorCode uint8

// boundsError is an index or slice bounds failure: operand x against y (a length, a capacity or the other
// bound). signed says x was of a signed type, so a negative x is reported as such.
type boundsError struct {
	x      int64
	y      int
	signed bool
	code   boundsErrorCode
}

func (boundsError) RuntimeError() {}

func (e boundsError) Error() string { return boundsErrorText(e) }

// boundsErrorText spells the failure as the uncaught panic does (rt: rt/src/panic.rs, bounds_message).
func boundsErrorText(e boundsError) string

// Error spells the failure word for word as gc's runtime does.
func (e *TypeAssertionError) Error() string {
	const head = "interface conversion: "
	iface := e.iface
	if iface == "" {
		iface = "interface"
	}
	switch {
	case e.have == "":
		return head + iface + " is nil, not " + e.want
	case e.missing != "":
		return head + e.have + " is not " + e.want + ": missing method " + e.missing
	}
	msg := head + iface + " is " + e.have + ", not " + e.want
	if e.have == e.want {
		// Two distinct types with one spelling: say where they differ.
		where := "scopes"
		if e.otherPkg {
			where = "packages"
		}
		msg += " (types from different " + where + ")"
	}
	return msg
}
