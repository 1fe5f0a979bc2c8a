// g1c's own code: part of package runtime's Go face (lib/runtime/omit; the runtime itself is rt). It stands
// in for GOROOT's runtime.gopanic (panic.go), in a file of that name so that tracebacks name gc's file.

package runtime

// gopanic is the frame Caller and Callers report between a deferred call a panic runs and the panicking
// function, where gc's runtime.gopanic runs it, and the `panic({type, data})` frame of a traceback there
// (rt/src/traceback.rs). g1c's panic is rt's (rt/src/defer.rs) and nothing calls this function: rt
// reports a return address inside it for that frame, so that frame counts and names are gc's
// (fixedbugs/issue5856.go).
func gopanic(e any) {
	panic(e)
}
