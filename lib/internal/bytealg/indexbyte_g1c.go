// g1c's IndexByte and IndexByteString, in place of GOROOT's indexbyte_native.go (whose bodies are
// indexbyte_amd64.s) and of the portable indexbyte_generic.go: rt defines them in assembly
// (rt/src/string.rs), comparing sixteen bytes at a time, as fast as the search loops of strings, bytes and
// regexp need.

package bytealg

// IndexByte returns the index of the first c in b, or -1.
//
//go:noescape
func IndexByte(b []byte, c byte) int

// IndexByteString returns the index of the first c in s, or -1.
//
//go:noescape
func IndexByteString(s string, c byte) int
