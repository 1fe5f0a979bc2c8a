package mixed

import (
	"fmt"
	"os"
	"runtime"
	"testing"
)

var setUp bool

func TestMain(m *testing.M) {
	setUp = true
	code := m.Run()
	fmt.Println("TestMain saw", code)
	os.Exit(code)
}

func TestSum(t *testing.T) {
	if !setUp {
		t.Fatal("TestMain did not run first")
	}
	for _, c := range []struct {
		in   []int
		want int
	}{{nil, 0}, {[]int{1, 2, 3}, 6}, {[]int{-4, 4}, 0}} {
		t.Run(fmt.Sprint(c.in), func(t *testing.T) {
			if got := Sum(c.in...); got != c.want {
				t.Errorf("Sum(%v) = %d, want %d", c.in, got, c.want)
			}
		})
	}
}

func TestFails(t *testing.T) {
	t.Cleanup(func() { t.Log("cleanup ran") })
	t.Errorf("Sum(2, 2) = %d, want 5", Sum(2, 2))
	t.Fatal("stopping here")
	t.Error("not reached")
}

func TestGoexitRunsDefers(t *testing.T) {
	done := make(chan bool)
	go func() {
		defer close(done)
		defer func() { done <- recover() == nil }()
		runtime.Goexit()
	}()
	if !<-done {
		t.Error("recover returned non-nil during Goexit")
	}
	<-done
}

func TestMemStats(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	sink = make([]byte, 1<<20)
	runtime.ReadMemStats(&after)
	if after.Mallocs <= before.Mallocs || after.TotalAlloc-before.TotalAlloc < 1<<20 {
		t.Errorf("a 1 MiB allocation is not counted: Mallocs %d -> %d, TotalAlloc %d -> %d",
			before.Mallocs, after.Mallocs, before.TotalAlloc, after.TotalAlloc)
	}
}

var sink []byte

func TestSkipped(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
}

func ExampleGreet() {
	fmt.Println(Greet("gopher"))
	// Output: hello, gopher
}

func ExampleSum() {
	fmt.Println(Sum(1, 2))
	// Output: 4
}
