package iter

import (
	"fmt"
	"strconv"
	"testing"
)

func TestPipeline(t *testing.T) {
	got := Collect(Take(Map(Filter(Range(0, 100), func(i int) bool { return i%3 == 0 }), strconv.Itoa), 5))
	if fmt.Sprint(got) != "[0 3 6 9 12]" {
		t.Errorf("got %v", got)
	}
	if got := Collect(Take(Of("a", "b"), 0)); got != nil {
		t.Errorf("Take 0 = %v", got)
	}
}

func TestZip(t *testing.T) {
	z := Collect(Zip(Of(1, 2, 3), []string{"x", "y"}))
	if s := fmt.Sprintf("%+v", z); s != "[{A:1 B:x} {A:2 B:y}]" {
		t.Errorf("Zip = %s", s)
	}
}

func TestSkipped(t *testing.T) {
	if testing.Short() {
		t.Skip("long test")
	}
	n := 0
	Range(0, 1_000_000)(func(int) bool { n++; return true })
	if n != 1_000_000 {
		t.Fatal(n)
	}
}

func ExampleMap() {
	for _, s := range Collect(Map(Of(1.5, 2.25), func(f float64) string { return strconv.FormatFloat(f, 'e', 2, 64) })) {
		fmt.Println(s)
	}
	// Output:
	// 1.50e+00
	// 2.25e+00
}
