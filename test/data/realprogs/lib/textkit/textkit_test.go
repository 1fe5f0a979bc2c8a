package textkit

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

func TestMain(m *testing.M) {
	fmt.Println("setup: textkit tests")
	code := m.Run()
	fmt.Println("teardown: exit code", code)
	os.Exit(code)
}

func TestReverse(t *testing.T) {
	tests := map[string]string{"": "", "a": "a", "abc": "cba", "héllo": "olléh", "日本語": "語本日"}
	for in, want := range tests {
		if got := Reverse(in); got != want {
			t.Errorf("Reverse(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTopWords(t *testing.T) {
	got := TopWords("the cat and the hat; The END. and Émile", 3)
	want := []WordCount{{"the", 3}, {"and", 2}, {"cat", 1}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("TopWords = %v, want %v", got, want)
	}
}

func TestSlug(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		err      error
	}{
		{"Hello, World!", "hello-world", nil},
		{"  Über  Café  ", "uber-cafe", nil},
		{"Go 1.19 released", "go-1-19-released", nil},
		{"!!!", "", ErrEmpty},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := Slug(tc.in)
			if got != tc.want || !errors.Is(err, tc.err) {
				t.Errorf("Slug(%q) = %q, %v; want %q, %v", tc.in, got, err, tc.want, tc.err)
			}
		})
	}
}

func assertDistance(t *testing.T, a, b string, want int) {
	t.Helper()
	if got := Distance(a, b); got != want {
		t.Errorf("Distance(%q, %q) = %d, want %d", a, b, got, want)
	}
}

func TestDistance(t *testing.T) {
	assertDistance(t, "kitten", "sitting", 3)
	assertDistance(t, "", "abc", 3)
	assertDistance(t, "flaw", "lawn", 2)
	assertDistance(t, "héllo", "hello", 1)
}

func TestParallelGroup(t *testing.T) {
	var order []string
	t.Cleanup(func() { t.Logf("cleanup saw %d subtests", len(order)) })
	t.Run("group", func(t *testing.T) {
		for _, name := range []string{"a", "b", "c"} {
			name := name
			order = append(order, name)
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				if Reverse(Reverse(name)) != name {
					t.Error("double reverse changed", name)
				}
			})
		}
	})
}

func TestTempDir(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "words.txt")
	if err := os.WriteFile(p, []byte("one two two"), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if top := TopWords(string(data), 1); top[0] != (WordCount{"two", 2}) {
		t.Errorf("got %v", top)
	}
	t.Cleanup(func() {
		if _, err := os.Stat(dir); err != nil {
			t.Errorf("temp dir gone too early: %v", err)
		}
	})
}

func TestLong(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the long test in -short mode")
	}
	s := ""
	for i := 0; i < 2000; i++ {
		s += "ab"
	}
	if Distance(s, Reverse(s)) != 2 {
		t.Error("unexpected distance")
	}
}

func TestSkipAlways(t *testing.T) {
	t.Skipf("not supported on %s", "this fixture")
}

func FuzzReverse(f *testing.F) {
	for _, seed := range []string{"hello", "", "!12345", "héllo"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("invalid UTF-8")
		}
		rev := Reverse(s)
		if Reverse(rev) != s {
			t.Errorf("double reverse of %q = %q", s, Reverse(rev))
		}
		if utf8.RuneCountInString(rev) != utf8.RuneCountInString(s) {
			t.Errorf("rune count changed")
		}
	})
}

func BenchmarkDistance(b *testing.B) {
	for _, n := range []int{8, 64} {
		a, c := make([]byte, n), make([]byte, n)
		for i := range a {
			a[i], c[i] = 'a'+byte(i%26), 'a'+byte((i*7)%26)
		}
		b.Run(fmt.Sprint("len", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Distance(string(a), string(c))
			}
		})
	}
}

func BenchmarkReverse(b *testing.B) {
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Reverse("the quick brown fox")
	}
}
