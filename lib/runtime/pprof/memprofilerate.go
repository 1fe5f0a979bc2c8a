// g1c's own code, added to GOROOT's runtime/pprof (lib/README.md); it stands in for no GOROOT declaration.
//
// gc's runtime samples the heap at MemProfileRate's default, 512 KiB, only in programs that can read the
// heap profile: its linker turns sampling off (runtime.disableMemoryProfiling, so MemProfileRate reads 0)
// when runtime.MemProfile is unreachable. g1c's linker does not tell the runtime, so package runtime starts
// with the rate 0 (lib/runtime/types.go) and this package, through which programs read heap profiles, sets
// gc's default before any code of its importers runs. A program that calls runtime.MemProfile without
// importing runtime/pprof sets the rate itself.

package pprof

import "runtime"

func init() {
	if runtime.MemProfileRate == 0 {
		runtime.MemProfileRate = 512 * 1024
	}
}
