// g1c's own code: part of package runtime's Go face (lib/runtime/omit; the runtime itself is rt). It stands
// in for these declarations of GOROOT's runtime/symtab.go: Frames, Frame, CallersFrames, (*Frames).Next.
//
// Symbolization goes through funcinfo (extern.go), which rt answers from the function table the linker
// writes. g1c does not inline, so each return address is exactly one frame and a Frame's Func is never nil.

package runtime

// Frames walks a slice of return addresses (as Callers fills it) one symbolized frame at a time.
type Frames struct {
	pending []uintptr // the return addresses not yet turned into frames
}

// Frame is what Frames.Next reports about one call.
type Frame struct {
	PC       uintptr // the address of the call (one byte before the return address Callers gave)
	Func     *Func   // the calling function
	Function string  // its full name, "path/to/pkg.Func" as in tracebacks
	File     string  // file and line of the call
	Line     int
	Entry    uintptr // the calling function's first instruction
}

// CallersFrames starts a walk over pcs, which the caller must leave unchanged until the walk ends.
func CallersFrames(pcs []uintptr) *Frames {
	return &Frames{pending: pcs}
}

// Next gives the next frame, skipping addresses outside compiled Go code, and whether addresses remain
// after it; past the end it gives the zero Frame and false.
func (fs *Frames) Next() (frame Frame, more bool) {
	for len(fs.pending) != 0 {
		call := fs.pending[0] - 1
		fs.pending = fs.pending[1:]
		name, file, line, entry, found := funcinfo(call)
		if found {
			frame = Frame{PC: call, Func: &Func{name: name, entry: entry}, Function: name, File: file, Line: line, Entry: entry}
			return frame, len(fs.pending) != 0
		}
	}
	return Frame{}, false
}
