package ringbuf

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"testing"
)

var seed = flag.Int("seed", 7, "pseudo-random seed for the soak test")

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Verbose() {
		fmt.Println("verbose run, seed", *seed)
	}
	os.Exit(m.Run())
}

func TestPushPop(t *testing.T) {
	r := New[int](3)
	for i := 1; i <= 3; i++ {
		if err := r.Push(i); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Push(4); !errors.Is(err, ErrFull) {
		t.Fatalf("Push on full = %v", err)
	}
	x, ok := r.Pop()
	if x != 1 || !ok {
		t.Errorf("Pop = %d, %v", x, ok)
	}
	r.Push(5)
	if got := r.String(); got != "[2 3 5]" {
		t.Errorf("String = %s", got)
	}
}

func TestOverwrite(t *testing.T) {
	for _, n := range []int{1, 2, 5} {
		n := n
		t.Run(fmt.Sprintf("cap=%d", n), func(t *testing.T) {
			r := New[string](n)
			for i := 0; i < 7; i++ {
				r.Overwrite(fmt.Sprint(i))
			}
			if r.Len() != n {
				t.Errorf("Len = %d", r.Len())
			}
			t.Logf("%v", r)
		})
	}
}

func TestBadCap(t *testing.T) {
	defer func() {
		if r := recover(); r == nil {
			t.Error("no panic")
		} else {
			t.Log("recovered:", r)
		}
	}()
	New[int](0)
}

func TestSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("soak test skipped in short mode")
	}
	r := New[int](16)
	x := *seed
	for i := 0; i < 10000; i++ {
		x = (x*1103515245 + 12345) & 0x7fffffff
		if x%3 == 0 {
			r.Pop()
		} else {
			r.Overwrite(x)
		}
	}
	t.Logf("final len %d", r.Len())
}

func TestDeadline(t *testing.T) {
	_, ok := t.Deadline()
	t.Log("has deadline:", ok)
}

func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte("hello"), 3)
	f.Add([]byte(""), 1)
	f.Add([]byte("a longer input string"), 8)
	f.Fuzz(func(t *testing.T, data []byte, n int) {
		if n <= 0 || n > 64 {
			t.Skip()
		}
		b := NewBytes(n)
		b.Write(data)
		want := data
		if len(want) > n {
			want = want[len(want)-n:]
		}
		if !bytes.Equal([]byte(b.String()), want) {
			t.Errorf("kept %q, want %q", b.String(), want)
		}
	})
}

func BenchmarkPushPop(b *testing.B) {
	for _, n := range []int{4, 64} {
		b.Run(fmt.Sprint("n", n), func(b *testing.B) {
			r := New[int](n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r.Overwrite(i)
				if i%2 == 0 {
					r.Pop()
				}
			}
		})
	}
}
