// g1c's own code: part of package runtime's Go face (lib/runtime/omit; the runtime itself is rt). It stands
// in for these declarations of GOROOT's runtime: MemStats (mstats.go), StackRecord, MemProfileRecord,
// BlockProfileRecord and their methods, MemProfileRate (mprof.go).
//
// The structs are API: their fields keep gc's names, types and order, so that code written for gc (and
// unsafe.Sizeof of them) sees the same layout. The comments are g1c's summary; ReadMemStats, which will fill
// MemStats from rt's allocator and collector, is not provided yet (extern.go).

package runtime

// MemStats is a snapshot of the memory allocator's and the garbage collector's counters. All sizes are in
// bytes; "heap objects" are the objects the program allocated, live or not yet swept.
type MemStats struct {
	// Overall figures.
	Alloc      uint64 // bytes of heap objects now allocated (the same figure as HeapAlloc)
	TotalAlloc uint64 // bytes ever allocated for heap objects; never decreases
	Sys        uint64 // virtual memory obtained from the OS for everything below (the sum of the *Sys fields)
	Lookups    uint64 // pointer lookups by the runtime (a debugging counter)
	Mallocs    uint64 // heap objects ever allocated
	Frees      uint64 // heap objects ever freed; Mallocs - Frees are live

	// The heap, counted by spans (runs of pages that hold objects of one size): a span is idle (no objects,
	// possibly returned to the OS), in use (some objects), or lent to goroutine stacks.
	HeapAlloc    uint64 // bytes of heap objects, reachable or not yet swept
	HeapSys      uint64 // address space reserved for the heap, used or not
	HeapIdle     uint64 // bytes in idle spans
	HeapInuse    uint64 // bytes in in-use spans; minus HeapAlloc, the room left in them
	HeapReleased uint64 // bytes of idle spans given back to the OS
	HeapObjects  uint64 // heap objects now allocated

	// Goroutine stacks.
	StackInuse uint64 // bytes in spans holding stacks
	StackSys   uint64 // StackInuse plus memory for OS thread stacks

	// The runtime's own structures, allocated outside the heap.
	MSpanInuse  uint64 // span descriptors in use
	MSpanSys    uint64 // memory obtained for span descriptors
	MCacheInuse uint64 // per-P allocation caches in use
	MCacheSys   uint64 // memory obtained for per-P allocation caches
	BuckHashSys uint64 // profiling bucket hash tables
	GCSys       uint64 // collector metadata
	OtherSys    uint64 // everything else the runtime allocated off-heap

	// The collector.
	NextGC        uint64      // heap size at which the next collection is due
	LastGC        uint64      // end of the last collection, in nanoseconds since the Unix epoch
	PauseTotalNs  uint64      // nanoseconds the world was stopped for collections, in all
	PauseNs       [256]uint64 // recent stop-the-world pauses, a ring: cycle N's total at [N%256]
	PauseEnd      [256]uint64 // when those pauses ended (nanoseconds since the epoch), the same ring
	NumGC         uint32      // collections completed
	NumForcedGC   uint32      // of them, those the program asked for (runtime.GC)
	GCCPUFraction float64     // share of the CPU time available since start (GOMAXPROCS * wall time) spent collecting
	EnableGC      bool        // true, even with GOGC=off
	DebugGC       bool        // unused

	// Allocation counts per size class: entry N covers sizes above entry N-1's Size up to its own Size.
	// Larger objects are not counted here.
	BySize [61]struct {
		Size    uint32 // the largest object size of the class
		Mallocs uint64 // objects of the class ever allocated
		Frees   uint64 // objects of the class ever freed
	}
}

// StackRecord is one call stack: return addresses, innermost first, up to the first zero.
type StackRecord struct {
	Stack0 [32]uintptr
}

// Stack is the used part of Stack0.
func (r *StackRecord) Stack() []uintptr { return upToZero(r.Stack0[:]) }

// MemProfileRecord counts what one call stack allocated and what of that has been freed.
type MemProfileRecord struct {
	AllocBytes, FreeBytes     int64
	AllocObjects, FreeObjects int64
	Stack0                    [32]uintptr // the stack, as in StackRecord
}

// InUseBytes is AllocBytes - FreeBytes: the bytes still live.
func (r *MemProfileRecord) InUseBytes() int64 { return r.AllocBytes - r.FreeBytes }

// InUseObjects is AllocObjects - FreeObjects: the objects still live.
func (r *MemProfileRecord) InUseObjects() int64 { return r.AllocObjects - r.FreeObjects }

// Stack is the used part of Stack0.
func (r *MemProfileRecord) Stack() []uintptr { return upToZero(r.Stack0[:]) }

// BlockProfileRecord counts the blocking events (or mutex contentions) of one call stack and their cost in
// CPU ticks.
type BlockProfileRecord struct {
	Count  int64
	Cycles int64
	StackRecord
}

// upToZero is the prefix of pcs before its first zero (all of pcs if it has none).
func upToZero(pcs []uintptr) []uintptr {
	for n, pc := range pcs {
		if pc == 0 {
			return pcs[:n]
		}
	}
	return pcs
}

// MemProfileRate is the average number of bytes allocated between two samples of the heap profile (1:
// every allocation; 0: no profile); rt's allocator reads it (rt/src/mprof.rs). It starts at 0, the value
// gc's linker gives it in a program that cannot read heap profiles; runtime/pprof sets gc's default, 512
// KiB (lib/runtime/pprof/memprofilerate.go). A program should change it at most once, early.
var MemProfileRate int = 0
