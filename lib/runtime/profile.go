// g1c's own code: part of package runtime's Go face (lib/runtime/omit; the runtime itself is rt). It stands
// in for these declarations of GOROOT's runtime: SetCPUProfileRate, CPUProfile (cpuprof.go),
// SetBlockProfileRate, SetMutexProfileFraction, MemProfile, BlockProfile, MutexProfile,
// ThreadCreateProfile, GoroutineProfile (mprof.go),
// LockOSThread, UnlockOSThread, _System, _ExternalCode (proc.go), NumCgoCall (debug.go), throw (panic.go), Version (extern.go).
//
// rt records the CPU profile (rt/src/cpuprof.rs), the heap, block and mutex profiles (rt/src/mprof.rs),
// and takes goroutine and thread-creation profiles (rt/src/rtface.rs).

package runtime

import "unsafe"

// throw ends the program with "fatal error: s" and a traceback (rt: the same code as sync.throw).
func throw(s string)

// SetCPUProfileRate sets the CPU profile's rate to hz samples a second of the process's CPU time (hz <= 0:
// off). rt samples on SIGPROF (rt/src/cpuprof.rs); runtime/pprof reads the samples.
func SetCPUProfileRate(hz int) {
	setCPUProfileRate(hz, _System, _ExternalCode)
}

// setCPUProfileRate is SetCPUProfileRate's work; the functions are where rt attributes samples taken with
// no goroutine running and in rt's own code (rt: cpuprof.rs).
func setCPUProfileRate(hz int, system, external func())

// _System and _ExternalCode are never called: profiles name them for samples outside Go code (gc's
// runtime has functions of these names for the same purpose).
func _System()       { _System() }
func _ExternalCode() { _ExternalCode() }

// CPUProfile is gone since Go 1.9, in gc as here.
func CPUProfile() []byte {
	panic("CPUProfile no longer available")
}

// SetBlockProfileRate turns the block profile on: on average one blocking event per rate nanoseconds
// spent blocked is recorded (1: every event; 0 or less: off). Goroutines block on channel operations,
// select, and sync's mutexes, wait groups and conditions (rt/src/mprof.rs).
func SetBlockProfileRate(rate int)

// SetMutexProfileFraction sets the mutex profile's rate: on average one in rate contention events on
// sync's mutexes is recorded (0: off; a negative rate only reads it); it returns the previous rate
// (rt/src/mprof.rs).
func SetMutexProfileFraction(rate int) int

// MemProfile returns n, the number of records in the heap profile: the call stacks that allocated the
// sampled objects still in use (every stack that ever allocated one, with inuseZero). When len(p) >= n it
// copies them into p and ok is true. As in gc, the profile is the heap as of the last collection
// (rt/src/mprof.rs).
func MemProfile(p []MemProfileRecord, inuseZero bool) (n int, ok bool) {
	n = memProfile(p, inuseZero)
	return n, n <= len(p)
}

// memProfile is MemProfile's work (rt: g1c_mem_profile).
func memProfile(p []MemProfileRecord, inuseZero bool) int

// BlockProfile returns n, the number of records in the block profile; when len(p) >= n it copies them
// into p and ok is true.
func BlockProfile(p []BlockProfileRecord) (n int, ok bool) {
	n = blockProfile(p)
	return n, n <= len(p)
}

// blockProfile is BlockProfile's work (rt: g1c_block_profile).
func blockProfile(p []BlockProfileRecord) int

// MutexProfile returns n, the number of records in the mutex profile; when len(p) >= n it copies them
// into p and ok is true.
func MutexProfile(p []BlockProfileRecord) (n int, ok bool) {
	n = mutexProfile(p)
	return n, n <= len(p)
}

// mutexProfile is MutexProfile's work (rt: g1c_mutex_profile).
func mutexProfile(p []BlockProfileRecord) int

// ThreadCreateProfile returns n, the number of the program's OS threads; when len(p) >= n it gives each
// thread a record in p, and ok is true. The records' stacks are empty, as gc's are for threads its
// scheduler starts (rt/src/rtface.rs).
func ThreadCreateProfile(p []StackRecord) (n int, ok bool) {
	n = threadCreateProfile(p)
	return n, n <= len(p)
}

// threadCreateProfile is ThreadCreateProfile's work (rt: g1c_thread_create_profile).
func threadCreateProfile(p []StackRecord) int

// GoroutineProfile returns n, the number of the program's goroutines; when len(p) >= n it copies their
// stacks into p, the caller's first, and ok is true. The stacks are one snapshot, taken with the world
// stopped.
func GoroutineProfile(p []StackRecord) (n int, ok bool) {
	return goroutineProfileWithLabels(p, nil)
}

// goroutineProfileWithLabels is GoroutineProfile's work, which also copies each goroutine's profiling
// labels into labels when it is as long as p (rt: g1c_goroutine_profile; runtime/pprof reaches it as
// runtime_goroutineProfileWithLabels).
func goroutineProfileWithLabels(p []StackRecord, labels []unsafe.Pointer) (n int, ok bool)

// LockOSThread wires the calling goroutine to its thread: until as many UnlockOSThread calls, only it runs
// there and it runs nowhere else (rt/src/sched.rs g1c_lock_os_thread).
func LockOSThread()

// UnlockOSThread undoes one LockOSThread.
func UnlockOSThread()

// NumCgoCall counts calls into C: g1c has no cgo, so none.
func NumCgoCall() int64 { return 0 }

// Version names the Go the program was built as: the release of GOROOT's standard library (extern.go).
func Version() string { return buildVersion }
