package kvconf

import (
	"errors"
	"strings"
	"testing"
)

const sample = `
# comment
name = demo
[server]
port = 8080
host = "local host"
[empty]
`

func TestParse(t *testing.T) {
	c, err := Parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Keys(), ","); got != "name,server.host,server.port" {
		t.Errorf("Keys() = %q", got)
	}
	tests := []struct {
		key, want string
	}{
		{"name", "demo"},
		{"server.host", "local host"},
		{"server.port", "8080"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			got, err := c.String(tt.key)
			if err != nil || got != tt.want {
				t.Errorf("String(%q) = %q, %v; want %q", tt.key, got, err, tt.want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	_, err := Parse(strings.NewReader("ok = 1\nbroken line\n"))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Line != 2 {
		t.Fatalf("err = %v", err)
	}
	c, _ := Parse(strings.NewReader("n = x"))
	if _, err := c.Int("missing"); !errors.Is(err, ErrNoKey) {
		t.Errorf("missing key: %v", err)
	}
	if _, err := c.Int("n"); err == nil {
		t.Error("Int of a non-number succeeded")
	}
}

func TestSkipped(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	t.Log("long test ran")
}

func BenchmarkParse(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Parse(strings.NewReader(sample)); err != nil {
			b.Fatal(err)
		}
	}
}
