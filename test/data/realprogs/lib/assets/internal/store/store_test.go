package store

import (
	"fmt"
	"sync"
	"testing"
)

func TestConcurrent(t *testing.T) {
	s := New(nil)
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s.Set(fmt.Sprintf("k%02d", i), fmt.Sprint(i))
		}(i)
	}
	wg.Wait()
	if n := len(s.Keys()); n != 20 {
		t.Fatalf("len = %d", n)
	}
}

func TestTable(t *testing.T) {
	s := New(map[string]string{"a": "1", "b": "2"})
	tests := []struct {
		name, key, want string
	}{
		{"present", "a", "1"},
		{"other", "b", "2"},
		{"missing", "zz", ""},
	}
	for _, tc := range tests {
		tc := tc
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := s.Get(tc.key); got != tc.want {
				t.Errorf("Get(%q) = %q, want %q", tc.key, got, tc.want)
			}
		})
	}
}

func ExampleStore_Keys() {
	s := New(map[string]string{"b": "", "c": "", "a": ""})
	for _, k := range s.Keys() {
		fmt.Println(k)
	}
	// Unordered output:
	// c
	// a
	// b
}

func BenchmarkGet(b *testing.B) {
	s := New(map[string]string{"a": "1"})
	for i := 0; i < b.N; i++ {
		s.Get("a")
	}
}
