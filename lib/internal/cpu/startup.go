// g1c's own file in package internal/cpu (DESIGN §7). It stands in for runtime.cpuinit (GOROOT's
// runtime/proc.go), the part of gc's start-up that feeds GODEBUG to Initialize; the rest of the package is
// GOROOT's, unmodified, with its body-less cpuid, xgetbv and getGOAMD64level defined by rt
// (rt/src/gohooks.rs).
//
// gc detects the CPU before any package is initialized. g1c's rt starts no Go code before package
// initialization, so detection happens in this package's own init instead: it runs before the
// initialization of every package that imports internal/cpu, and those are the only code that can read its
// feature flags, so each of them sees exactly what it would see under gc (math's useFMA, for one).
//
// gc's cpuinit also copies three flags into runtime variables that guard the instructions its compiler
// emits only on CPUs that have them (POPCNT, ROUNDSD, VFMADD). g1c's code generator emits none of those,
// so there is nothing to copy.

package cpu

// startupGODEBUG is rt's: the value of GODEBUG in the environment the process was started with, "" when
// it is unset. As with gc, later changes to the environment do not matter here.
func startupGODEBUG() string

func init() {
	// Linux lets a program read its environment this early, so cpu.* options in GODEBUG (cpu.avx2=off) are
	// honoured, as gc honours them on the systems that do.
	DebugOptions = true
	Initialize(startupGODEBUG())
}
