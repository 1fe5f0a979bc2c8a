// g1c's own code: part of package runtime's Go face (lib/runtime/omit; the runtime itself is rt). It stands
// in for this declaration of GOROOT's runtime: unreachableMethod (iface.go).

package runtime

// unreachableMethod is where the linker points the method entries of type descriptors whose methods it
// dropped as dead (no live interface call or reflection can reach them; g1c's link/methods.rs). An itab
// built for such a type still gets a code address, and reaching it would mean the linker was wrong.
func unreachableMethod() {
	throw("unreachable method called. linker bug?")
}
