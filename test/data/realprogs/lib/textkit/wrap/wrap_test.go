package wrap_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"example.com/textkit/wrap"
)

func TestLines(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"empty", "", 10, nil},
		{"one", "hello", 10, []string{"hello"}},
		{"split", "the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"long word", "a supercalifragilistic b", 5, []string{"a", "supercalifragilistic", "b"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := wrap.Lines(c.text, c.width)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("Lines(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
			}
		})
	}
}

func TestWidthError(t *testing.T) {
	_, err := wrap.Lines("x", 0)
	var we wrap.WidthError
	if !errors.As(err, &we) || int(we) != 0 {
		t.Fatalf("got %v", err)
	}
	t.Logf("error text: %v", err)
}

func ExampleLines() {
	lines, _ := wrap.Lines("Go is an open source programming language that makes it simple to build software.", 24)
	for _, l := range lines {
		fmt.Printf("%-24s|\n", l)
	}
	// Output:
	// Go is an open source    |
	// programming language    |
	// that makes it simple to |
	// build software.         |
}

func BenchmarkLines(b *testing.B) {
	text := strings.Repeat("lorem ipsum dolor sit amet ", 50)
	for i := 0; i < b.N; i++ {
		wrap.Lines(text, 40)
	}
}
