// g1c's file in place of GOROOT's internal/abi/abi_amd64.go, which sets gc's register ABI sizes (9 integer
// and 15 floating-point argument registers). g1c calls every Go function with ABI0 (DESIGN §5: arguments
// and results in memory, the closure context in DX), so on g1c no argument travels in a register: with
// these three constants at zero, reflect lays out Value.Call, MakeFunc and method-value frames in memory
// only, and abi.RegArgs is an empty struct.

package abi

const (
	IntArgRegs            = 0
	FloatArgRegs          = 0
	EffectiveFloatRegSize = 0
)
