package allocs

import "testing"

func TestNoAllocs(t *testing.T) {
	word := []byte("HeLLo")
	cases := []struct {
		name string
		f    func()
	}{
		{"defer", func() { Locked() }},
		{"string(rune)", func() { Index("test世界", '世') }},
		{"string(bytes)", func() { Fold(word, "hello") }},
		{"concatenation", func() { JoinedLen("ab", "cd") }},
		{"[]rune(string)", func() { Wide("test世界") }},
	}
	for _, c := range cases {
		if n := testing.AllocsPerRun(100, c.f); n != 0 {
			t.Errorf("%s: %v allocations, want 0", c.name, n)
		}
	}
}

var sink string

func TestEscapingConversionAllocates(t *testing.T) {
	b := []byte("two")
	if n := testing.AllocsPerRun(100, func() { sink = Escapes(b) }); n != 1 {
		t.Errorf("%v allocations, want 1", n)
	}
	s := Escapes(b)
	b[0] = 'T'
	if s != "two" {
		t.Errorf("the escaping string changed with its bytes: %q", s)
	}
}
