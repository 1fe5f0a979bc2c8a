// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// g1c: package runtime's Go face (lib/runtime/omit): its exported functions, with GOROOT's documentation.
// A body-less function is provided by rt under its Go symbol (rt/src/gohooks.rs) or not at all yet: the
// driver admits a package only when every body-less function it uses is provided (src/driver.rs,
// backend_ready), so a program using one that is not gets g1c's "not supported yet" error.

package runtime

import (
	"internal/goarch"
	"internal/goos"
	"unsafe"
)

// Compiler is the name of the compiler toolchain that built the
// running binary. g1c says "gc": the standard library's //go:linkname hooks
// and the type descriptors' layout assume gc's (DESIGN §7).
const Compiler = "gc"

// GOOS is the running program's operating system target:
// one of darwin, freebsd, linux, and so on.
// To view possible combinations of GOOS and GOARCH, run "go tool dist list".
const GOOS string = goos.GOOS

// GOARCH is the running program's architecture target:
// one of 386, amd64, arm, s390x, and so on.
const GOARCH string = goarch.GOARCH

// Caller reports file and line number information about function invocations on
// the calling goroutine's stack. The argument skip is the number of stack frames
// to ascend, with 0 identifying the caller of Caller.  (For historical reasons the
// meaning of skip differs between Caller and Callers.) The return values report the
// program counter, file name, and line number within the file of the corresponding
// call. The boolean ok is false if it was not possible to recover the information.
func Caller(skip int) (pc uintptr, file string, line int, ok bool)

// Callers fills the slice pc with the return program counters of function invocations
// on the calling goroutine's stack. The argument skip is the number of stack frames
// to skip before recording in pc, with 0 identifying the frame for Callers itself and
// 1 identifying the caller of Callers.
// It returns the number of entries written to pc.
//
// g1c: skip 0 is taken as 1 (rt's Callers is not a Go frame), and the frames outside Go code (gc's
// runtime.main and runtime.goexit) are not recorded.
func Callers(skip int, pc []uintptr) int

// funcinfo describes the function whose code holds pc (rt: g1c_funcinfo): its name and entry, and the file
// and line of the instruction at pc.
func funcinfo(pc uintptr) (name string, file string, line int, entry uintptr, ok bool)

// A Func represents a Go function in the running binary.
type Func struct {
	name  string
	entry uintptr
}

// FuncForPC returns a *Func describing the function that contains the
// given program counter address, or else nil.
func FuncForPC(pc uintptr) *Func {
	name, _, _, entry, ok := funcinfo(pc)
	if !ok {
		return nil
	}
	return &Func{name: name, entry: entry}
}

// Name returns the name of the function.
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry returns the entry address of the function.
func (f *Func) Entry() uintptr {
	return f.entry
}

// FileLine returns the file name and line number of the
// source code corresponding to the program counter pc.
// The result will not be accurate if pc is not a program
// counter within f.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	_, file, line, _, _ = funcinfo(pc)
	return file, line
}

// KeepAlive marks its argument as currently reachable.
// This ensures that the object is not freed, and its finalizer is not run,
// before the point in the program where KeepAlive is called.
//
// g1c: the argument is in the caller's frame until this call, and the collector scans frames
// conservatively, so the call itself is all that is needed.
func KeepAlive(x any) {}

// GC runs a garbage collection and blocks the caller until the
// garbage collection is complete. It may also block the entire
// program.
func GC()

// Gosched yields the processor, allowing other goroutines to run. It does not
// suspend the current goroutine, so execution resumes automatically.
func Gosched()

// GOMAXPROCS sets the maximum number of CPUs that can be executing
// simultaneously and returns the previous setting. It defaults to
// the value of runtime.NumCPU. If n < 1, it does not change the current setting.
// This call will go away when the scheduler improves.
//
// g1c: rt runs goroutines on one P (rt/src/sema.rs): the answer is 1, and the setting does not change.
func GOMAXPROCS(n int) int

// Not provided by rt yet: declared so that programs and packages type-check as with gc; using one ends
// the build with "not supported yet".

func BlockProfile(p []BlockProfileRecord) (n int, ok bool)
func Breakpoint()
func CPUProfile() []byte
func Goexit()
func GOROOT() string
func GoroutineProfile(p []StackRecord) (n int, ok bool)
func LockOSThread()
func MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool)
func MutexProfile(p []BlockProfileRecord) (n int, ok bool)
func NumCPU() int
func NumCgoCall() int64
func NumGoroutine() int
func ReadMemStats(m *MemStats)
func ReadTrace() []byte
func SetBlockProfileRate(rate int)
func SetCPUProfileRate(hz int)
func SetCgoTraceback(version int, traceback, context, symbolizer unsafe.Pointer)
func SetFinalizer(obj any, finalizer any)
func SetMutexProfileFraction(rate int) int
func Stack(buf []byte, all bool) int
func StartTrace() error
func StopTrace()
func ThreadCreateProfile(p []StackRecord) (n int, ok bool)
func UnlockOSThread()
func Version() string
