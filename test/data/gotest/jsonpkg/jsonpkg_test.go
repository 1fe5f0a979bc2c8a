package jsonpkg

import (
	"flag"
	"fmt"
	"strings"
	"testing"
)

// A flag of the test program's own, given on go test's command line after the package.
var greeting = flag.String("greeting", "", "a word to log")

func TestPass(t *testing.T) {
	if Clamp(5, 0, 3) != 3 {
		t.Fatal("Clamp(5, 0, 3) != 3")
	}
	t.Log("escapes: <&> \"quoted\" \\ tab\there é")
	if *greeting != "" {
		t.Log("greeting:", *greeting)
	}
}

func TestLongLine(t *testing.T) {
	// Longer than test2json's buffers: the output event is cut.
	t.Log(strings.Repeat("0123456789", 150))
}

func TestFail(t *testing.T) {
	t.Error("Clamp is fine; this test fails on purpose")
}

func TestSkip(t *testing.T) {
	t.Skip("nothing to do here")
}

func TestSub(t *testing.T) {
	t.Run("parallel", func(t *testing.T) {
		t.Parallel()
		t.Log("ran in parallel")
	})
	t.Run("nested", func(t *testing.T) {
		t.Run("deep", func(t *testing.T) {
			t.Log("two levels down")
		})
		t.Run("fails", func(t *testing.T) {
			t.Errorf("Clamp(%d) failed on purpose", -1)
		})
	})
	t.Run("skipped", func(t *testing.T) { t.Skip() })
}

func BenchmarkClamp(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Clamp(i, 10, 20)
	}
}

func ExampleClamp() {
	fmt.Println(Clamp(-4, 0, 9))
	// Output: 0
}

func ExampleClamp_wrong() {
	fmt.Println(Clamp(40, 0, 9))
	// Output: 40
}
