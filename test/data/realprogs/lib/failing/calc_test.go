package failing

import (
	"fmt"
	"testing"
)

func TestAdd(t *testing.T) {
	cases := []struct{ a, b, want int }{{1, 2, 3}, {-1, 1, 0}, {0, 0, 0}, {-2, -3, -5}}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%d+%d", c.a, c.b), func(t *testing.T) {
			if got := Add(c.a, c.b); got != c.want {
				t.Errorf("Add(%d, %d) = %d, want %d", c.a, c.b, got, c.want)
			}
		})
	}
}

func TestDiv(t *testing.T) {
	if _, ok := Div(1, 0); ok {
		t.Error("Div by zero reported ok")
	}
	q, _ := Div(7, 2)
	if q != 3 {
		t.Fatalf("Div(7, 2) = %d", q)
	}
	t.Log("Div is fine")
}

func TestFatal(t *testing.T) {
	t.Log("before the fatal error")
	t.Fatalf("stopping here: %v", []int{1, 2})
	t.Log("never logged")
}

func TestMultiline(t *testing.T) {
	t.Error("first line\nsecond line\n\tindented line")
}

func TestSkipped(t *testing.T) {
	t.Skip("skipped on purpose")
}

func TestPasses(t *testing.T) {}

func ExampleAdd() {
	fmt.Println(Add(-1, 1))
	fmt.Println(Add(2, 2))
	// Output:
	// 0
	// 4
}

func ExampleDiv() {
	fmt.Println(Div(6, 3))
	// Output: 2 true
}
