package lrucache

import (
	"fmt"
	"strings"
	"testing"

	"lrucache/internal/clock"
)

func TestEviction(t *testing.T) {
	c, err := New[string, int](2, 0, &clock.Manual{})
	if err != nil {
		t.Fatal(err)
	}
	c.Put("a", 1)
	c.Put("b", 2)
	c.Get("a")
	c.Put("c", 3)
	if got := fmt.Sprint(c.Keys()); got != "[c a]" {
		t.Errorf("Keys = %s", got)
	}
	if got := fmt.Sprint(c.Evicted()); got != "[b]" {
		t.Errorf("Evicted = %s", got)
	}
	t.Logf("len=%d", c.Len())
}

func TestExpiry(t *testing.T) {
	clk := &clock.Manual{T: 100}
	c, _ := New[int, string](10, 5, clk)
	c.Put(1, "one")
	for _, step := range []struct {
		advance int64
		want    bool
	}{{0, true}, {4, true}, {1, false}, {10, false}} {
		t.Run(fmt.Sprintf("t+%d", step.advance), func(t *testing.T) {
			clk.Advance(step.advance)
			if _, ok := c.Get(1); ok != step.want {
				t.Errorf("at %d: present=%v, want %v", clk.Now(), ok, step.want)
			}
		})
	}
}

func TestBadCapacity(t *testing.T) {
	_, err := New[int, int](0, 0, &clock.Manual{})
	if err == nil || !strings.Contains(err.Error(), "must be positive") {
		t.Fatalf("err = %v", err)
	}
}

func TestStructKeys(t *testing.T) {
	type key struct {
		host string
		port int
	}
	c, _ := New[key, []byte](3, 0, &clock.Manual{})
	c.Put(key{"a", 1}, []byte("x"))
	c.Put(key{"a", 1}, []byte("y"))
	v, ok := c.Get(key{"a", 1})
	if !ok || string(v) != "y" || c.Len() != 1 {
		t.Errorf("got %q %v len %d", v, ok, c.Len())
	}
}

func BenchmarkPutGet(b *testing.B) {
	c, _ := New[int, int](128, 0, &clock.Manual{})
	for i := 0; i < b.N; i++ {
		c.Put(i%256, i)
		c.Get((i * 7) % 256)
	}
}

func ExampleCache() {
	c, _ := New[string, int](2, 0, &clock.Manual{})
	c.Put("x", 1)
	c.Put("y", 2)
	c.Put("z", 3)
	fmt.Println(c.Keys(), c.Evicted())
	_, ok := c.Get("x")
	fmt.Println(ok)
	// Output:
	// [z y] [x]
	// false
}
