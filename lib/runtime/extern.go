// g1c's own code: part of package runtime's Go face (lib/runtime/omit; the runtime itself is rt). It stands
// in for these declarations of GOROOT's runtime: Compiler, GOOS, GOARCH, Caller, Callers (extern.go), Func,
// FuncForPC, (*Func).Name, Entry, FileLine (symtab.go), KeepAlive, GC (mfinal.go, mgc.go), Gosched
// (proc.go), GOMAXPROCS (debug.go), GOROOT (extern.go), and the rest of the exported functions, listed at the end.
//
// A function without a body here is rt's: rt defines it under its Go symbol (rt/src/gohooks.rs, sema.rs), or
// does not yet, and then the driver refuses a program that uses it with "not supported yet" (src/driver.rs,
// backend_ready), so a package that merely mentions it still type-checks.

package runtime

import (
	"internal/goarch"
	"internal/goos"
	"unsafe"
)

// Compiler names the toolchain. g1c answers "gc" on purpose: the standard library's //go:linkname hooks and
// the layout of type descriptors that reflect reads are gc's, and g1c follows them (DESIGN §7).
const Compiler = "gc"

// GOOS and GOARCH are the target the program was built for (always linux and amd64 today).
const (
	GOOS   string = goos.GOOS
	GOARCH string = goarch.GOARCH
)

// Caller reports on one frame of the calling goroutine's stack: skip 0 is the function calling Caller, each
// step up is one caller further out. It gives that frame's return address (pc), the file and line of its
// call, and ok false when the stack is not that deep.
func Caller(skip int) (pc uintptr, file string, line int, ok bool)

// Callers stores the return addresses of the calling goroutine's frames into pc, outermost last, and says
// how many it stored. skip 0 starts with Callers itself (a Go frame, so that frame counts are gc's), 1 with
// the function calling Callers. The goroutine's outermost frames are gc's runtime.main (the main
// goroutine's) and runtime.goexit, which rt reports at its own start code.
func Callers(skip int, pc []uintptr) int {
	return callers(skip, pc)
}

// callers is Callers' walk (rt: g1c_callers): skip 0 is the function calling callers.
func callers(skip int, pc []uintptr) int

// funcinfo describes the Go function whose code contains pc (rt: g1c_funcinfo): its name and first
// instruction, and the file and line of the instruction at pc. ok is false outside compiled Go code.
func funcinfo(pc uintptr) (name string, file string, line int, entry uintptr, ok bool)

// Func stands for one function of the program; FuncForPC hands them out.
type Func struct {
	name  string
	entry uintptr
}

// FuncForPC returns the function whose code contains pc, or nil if pc is not in Go code.
func FuncForPC(pc uintptr) *Func {
	name, _, _, entry, ok := funcinfo(pc)
	if ok {
		return &Func{name: name, entry: entry}
	}
	return nil
}

// Name is the function's full name ("main.main", "pkg/path.T.Method"); "" for a nil *Func.
func (f *Func) Name() string {
	if f != nil {
		return f.name
	}
	return ""
}

// Entry is the address of the function's first instruction.
func (f *Func) Entry() uintptr { return f.entry }

// FileLine gives the source position of the instruction at pc, which should be inside f.
func (f *Func) FileLine(pc uintptr) (file string, line int) {
	_, file, line, _, _ = funcinfo(pc)
	return
}

// KeepAlive keeps x reachable at least until the call. Nothing more is needed with rt: x sits in the
// caller's frame until the call is made, and rt's collector scans frames conservatively.
func KeepAlive(x any) {}

// GC collects garbage now and returns when the collection is complete (rt stops the world to collect).
func GC()

// Gosched lets other goroutines run; the caller stays runnable and carries on later.
func Gosched()

// GOMAXPROCS would set how many goroutines run at once and return the previous setting. rt runs goroutines
// on one P (rt/src/sema.rs): the answer is 1, whatever n asks for.
func GOMAXPROCS(n int) int

// The rest of the exported functions, declared so that programs and packages type-check as with gc. rt
// defines Breakpoint (rt/src/gohooks.rs), Goexit, GOROOT, NumCPU, NumGoroutine, ReadMemStats, SetFinalizer and
// Stack (rt/src/arch/amd64_os.rs, amd64_rtface.rs); SetCgoTraceback not yet (see the top of this file). The
// profiling and tracing functions are in profile.go.

func Breakpoint()
func Goexit()

// GOROOT is gc's: the GOROOT environment variable when set at start, else the root the program was built
// with, which the driver writes into defaultGOROOT as gc's linker does (empty for -trimpath builds).
func GOROOT() string {
	if s := envGOROOT(); s != "" {
		return s
	}
	return defaultGOROOT
}

// defaultGOROOT is set by g1c's driver (src/driver.rs, gc's `-X runtime.defaultGOROOT`).
var defaultGOROOT string

// buildVersion is the release of the standard library the program was compiled with: the driver writes the
// first line of $GOROOT/VERSION there ("go1.19.8"), as gc's linker writes its own release, or "go1.19",
// the language version g1c implements, when GOROOT has no VERSION file (src/driver.rs, build_version).
var buildVersion string

// modinfo is the build information runtime/debug.ReadBuildInfo parses (gc's text of debug.BuildInfo between
// two 16-byte sentinels), written by the driver (src/driver.rs, mod_info) and read by rt's
// runtime/debug.modinfo.
var modinfo string

// envGOROOT is the GOROOT environment variable (rt/src/syscall.rs).
func envGOROOT() string

func NumCPU() int
func NumGoroutine() int
func ReadMemStats(m *MemStats)
func SetCgoTraceback(version int, traceback, context, symbolizer unsafe.Pointer)
func SetFinalizer(obj any, finalizer any)
func Stack(buf []byte, all bool) int
