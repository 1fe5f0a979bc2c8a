package gcoll_test

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strings"
	"testing"

	"example.com/gcoll"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	fmt.Println("TestMain done")
	os.Exit(code)
}

func TestTreeSetRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var s gcoll.TreeSet[int]
	ref := map[int]bool{}
	for i := 0; i < 2000; i++ {
		k := r.Intn(500)
		if r.Intn(3) == 0 {
			if s.Remove(k) != ref[k] {
				t.Fatalf("Remove(%d) disagrees", k)
			}
			delete(ref, k)
		} else {
			if s.Add(k) == ref[k] {
				t.Fatalf("Add(%d) disagrees", k)
			}
			ref[k] = true
		}
	}
	if s.Len() != len(ref) {
		t.Fatalf("Len %d, want %d", s.Len(), len(ref))
	}
	keys := make([]int, 0, len(ref))
	for k := range ref {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for i, k := range keys {
		if got := s.At(i); got != k {
			t.Fatalf("At(%d) = %d, want %d", i, got, k)
		}
	}
	t.Logf("%d keys, smallest %d", s.Len(), s.At(0))
}

func TestTreeSetStrings(t *testing.T) {
	type name string
	var s gcoll.TreeSet[name]
	for _, w := range strings.Fields("the quick brown fox jumps over the lazy dog") {
		s.Add(name(w))
	}
	if got, want := s.String(), "{brown dog fox jumps lazy over quick the}"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(fmt.Sprint(r), "out of range [0:8]") {
			t.Errorf("At(100) recovered %v", r)
		}
	}()
	s.At(100)
}

func TestDeque(t *testing.T) {
	var d gcoll.Deque[string]
	for i := 0; i < 10; i++ {
		if i%2 == 0 {
			d.PushBack(fmt.Sprint("b", i))
		} else {
			d.PushFront(fmt.Sprint("f", i))
		}
	}
	var got []string
	for d.Len() > 0 {
		v, _ := d.PopFront()
		got = append(got, v)
		if w, ok := d.PopBack(); ok {
			got = append(got, w)
		}
	}
	want := "f9 b8 f7 b6 f5 b4 f3 b2 f1 b0"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if _, ok := d.PopBack(); ok {
		t.Error("PopBack on empty deque")
	}
}

type task struct {
	pri  int
	name string
}

func TestPQTable(t *testing.T) {
	tests := []struct {
		name  string
		in    []task
		order string
	}{
		{"empty", nil, ""},
		{"one", []task{{1, "a"}}, "a"},
		{"sorted", []task{{1, "a"}, {2, "b"}, {3, "c"}}, "cba"},
		{"reverse", []task{{3, "c"}, {2, "b"}, {1, "a"}}, "cba"},
		{"mixed", []task{{5, "e"}, {1, "a"}, {4, "d"}, {2, "b"}, {3, "c"}}, "edcba"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := gcoll.NewPQ(func(a, b task) bool { return a.pri > b.pri }, tt.in...)
			var sb strings.Builder
			for q.Len() > 0 {
				sb.WriteString(q.Pop().name)
			}
			if sb.String() != tt.order {
				t.Errorf("order %q, want %q", sb.String(), tt.order)
			}
		})
	}
}

func TestGolden(t *testing.T) {
	var s gcoll.TreeSet[float64]
	for _, f := range []float64{3.5, -1, 2.25, 1e10, 0} {
		s.Add(f)
	}
	got := s.String() + "\n"
	path := "testdata/treeset.golden"
	if *update {
		os.WriteFile(path, []byte(got), 0o644)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan()
	if want := sc.Text() + "\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func BenchmarkTreeSetAdd(b *testing.B) {
	for i := 0; i < b.N; i++ {
		var s gcoll.TreeSet[int]
		for k := 0; k < 1000; k++ {
			s.Add(k * 7919 % 1000)
		}
	}
}

func BenchmarkPQ(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				q := gcoll.NewPQ(func(a, b int) bool { return a < b })
				for k := 0; k < n; k++ {
					q.Push(n - k)
				}
				for q.Len() > 0 {
					q.Pop()
				}
			}
		})
	}
}

func ExampleTreeSet() {
	var s gcoll.TreeSet[string]
	s.Add("pear")
	s.Add("apple")
	fmt.Println(s.Add("pear"), s.Len(), s.At(0), &s)
	// Output: false 2 apple {apple pear}
}

func ExampleNewPQ() {
	q := gcoll.NewPQ(func(a, b string) bool { return len(a) < len(b) }, "ccc", "a", "bb")
	for q.Len() > 0 {
		fmt.Println(q.Pop())
	}
	// Unordered output:
	// bb
	// ccc
	// a
}
