// runtime/debug.SetMemoryLimit: the soft memory limit returns the previous setting (math.MaxInt64: none; a
// negative argument only reads it), and the collector honours it: with GOGC off (SetGCPercent(-1)) and a
// 32 MiB limit, a program that allocates 1 GiB while keeping little collects, and its heap stays under
// the limit. GOMEMLIMIT sets the limit at start (with gc's byte-count suffixes); a malformed one is a
// fatal error before the program runs. The program runs itself again to set the environment.
package main

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"
)

var sink [][]byte

func churn(total, keep int) {
	const chunk = 64 << 10
	for i := 0; i < total/chunk; i++ {
		b := make([]byte, chunk)
		b[0] = byte(i)
		sink = append(sink, b)
		if len(sink) > keep/chunk {
			sink = sink[1:]
		}
	}
}

func child() {
	fmt.Println(debug.SetMemoryLimit(-1))
}

func main() {
	if len(os.Args) > 1 {
		child()
		return
	}
	fmt.Println("default:", debug.SetMemoryLimit(-1) == math.MaxInt64)
	fmt.Println("set:", debug.SetMemoryLimit(32<<20) == math.MaxInt64)
	fmt.Println("read:", debug.SetMemoryLimit(-1))
	fmt.Println("collection was on:", debug.SetGCPercent(-1) >= 0)

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	churn(1<<30, 4<<20)
	runtime.ReadMemStats(&after)
	fmt.Println("collected:", after.NumGC > before.NumGC)
	fmt.Println("heap under the limit:", after.HeapAlloc < 32<<20)
	fmt.Println("goal under the limit:", after.NextGC <= 32<<20)

	fmt.Println("unset:", debug.SetMemoryLimit(math.MaxInt64))
	debug.SetGCPercent(100)

	for _, v := range []string{"64MiB", "1000", "12B", "3KiB", "off", "", "12x", "-1", "1.5GiB", "99999999999TiB"} {
		cmd := exec.Command(os.Args[0], "child")
		cmd.Env = append(os.Environ(), "GOMEMLIMIT="+v)
		out, err := cmd.CombinedOutput()
		lines := strings.SplitN(string(out), "\n", 3)
		if len(lines) > 2 {
			lines = lines[:2]
		}
		code := 0
		if e, ok := err.(*exec.ExitError); ok {
			code = e.ExitCode()
		}
		fmt.Printf("GOMEMLIMIT=%q: %q exit %d\n", v, lines, code)
	}
}
