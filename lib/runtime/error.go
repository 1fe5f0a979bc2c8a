// g1c's own code: part of package runtime's Go face (lib/runtime/omit; the runtime itself is rt). It stands
// in for these declarations of GOROOT's runtime/error.go: Error, TypeAssertionError and its methods.
//
// rt reports the run-time errors of compiled code itself (docs/RUNTIME-ABI.md); these are the types that
// Go code names (errors.As with a runtime.Error, a recovered value's type switch).

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
