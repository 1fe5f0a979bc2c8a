package stats

import (
	"errors"
	"fmt"
	"log"
	"math"
	"os"
	"testing"
)

func approx(t *testing.T, name string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("%s = %v, want %v", name, got, want)
	}
}

func must(t testing.TB, f func([]float64) (float64, error), xs []float64) float64 {
	v, err := f(xs)
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	return v
}

func TestMain(m *testing.M) {
	log.SetFlags(0)
	log.SetPrefix("[stats] ")
	log.Println("setup")
	code := m.Run()
	log.Println("teardown, code", code)
	os.Exit(code)
}

func TestMean(t *testing.T) {
	approx(t, "Mean", must(t, Mean, []float64{1, 2, 3, 4}), 2.5)
	_, err := Mean(nil)
	if !errors.Is(err, ErrEmpty) {
		t.Errorf("Mean(nil) err = %v", err)
	}
}

func TestMedian(t *testing.T) {
	cases := []struct {
		in   []float64
		want float64
	}{
		{[]float64{3, 1, 2}, 2},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{7}, 7},
	}
	for i, c := range cases {
		t.Run(fmt.Sprintf("case%d", i), func(t *testing.T) {
			approx(t, "Median", must(t, Median, c.in), c.want)
		})
	}
}

func TestStdDev(t *testing.T) {
	t.Log("first line\nsecond line\n\tindented")
	approx(t, "StdDev", must(t, StdDev, []float64{2, 4, 4, 4, 5, 5, 7, 9}), 2)
	must(t, StdDev, nil)
	t.Log("not reached")
}

func TestNested(t *testing.T) {
	t.Run("outer", func(t *testing.T) {
		t.Run("inner ok", func(t *testing.T) {})
		t.Run("inner/fail", func(t *testing.T) {
			t.Error("deep failure")
			t.Errorf("second %d", 2)
		})
		t.Run("skip me", func(t *testing.T) { t.Skipf("skipping %s", t.Name()) })
	})
	t.Run("outer", func(t *testing.T) { t.Logf("duplicate name: %s", t.Name()) })
}

func TestSkipAll(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	t.Fail()
	fmt.Println("printed to stdout from a test")
}

func ExampleMean() {
	m, _ := Mean([]float64{1, 2})
	fmt.Println(m)
	// Output: 1.5
}

func ExampleMedian() {
	m, _ := Median([]float64{1, 2})
	fmt.Println(m)
	// Output: 1.5
}
