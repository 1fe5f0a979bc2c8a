package assertkit

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// recorder captures failures so that the tests can check the messages.
type recorder struct {
	msgs []string
}

func (r *recorder) Errorf(format string, args ...interface{}) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

type point struct {
	X, Y int
	Name string
}

func TestEqualPasses(t *testing.T) {
	cases := []struct{ a, b interface{} }{
		{1, 1},
		{"a", "a"},
		{[]byte("x"), []byte("x")},
		{[]int{1, 2}, []int{1, 2}},
		{map[string]point{"p": {1, 2, "n"}}, map[string]point{"p": {1, 2, "n"}}},
		{nil, nil},
		{&point{1, 2, ""}, &point{1, 2, ""}},
	}
	for i, c := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			r := &recorder{}
			if !Equal(r, c.a, c.b) || len(r.msgs) != 0 {
				t.Fatalf("Equal(%#v, %#v) failed: %v", c.a, c.b, r.msgs)
			}
		})
	}
}

func TestEqualMessage(t *testing.T) {
	r := &recorder{}
	Equal(r, point{1, 2, "a"}, point{1, 3, "a"}, "comparing %s", "points")
	if len(r.msgs) != 1 {
		t.Fatalf("got %d messages", len(r.msgs))
	}
	msg := r.msgs[0]
	for _, want := range []string{"Error Trace:", "assert_test.go:", "Not equal:", "- Y:2,", "+ Y:3,", "Messages:   \tcomparing points", "assertkit.point{"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "assert.go:") {
		t.Errorf("trace includes the library's own frames:\n%s", msg)
	}
	t.Log(strings.Count(msg, "\n"), "lines")
}

func TestEqualTypesDiffer(t *testing.T) {
	r := &recorder{}
	if Equal(r, int32(1), int64(1)) {
		t.Fatal("int32 and int64 compared equal")
	}
	if !strings.Contains(r.msgs[0], "expected: 1\n\t            \tactual  : 1") {
		t.Errorf("unexpected message %q", r.msgs[0])
	}
	Equal(r, func() {}, func() {})
	if !strings.Contains(r.msgs[1], "cannot take func type") {
		t.Errorf("unexpected message %q", r.msgs[1])
	}
}

type codeError struct{ code int }

func (e *codeError) Error() string { return fmt.Sprintf("code %d", e.code) }

func TestErrors(t *testing.T) {
	base := &codeError{404}
	wrapped := fmt.Errorf("fetch: %w", base)
	_, openErr := os.Open("/definitely/not/here")
	r := &recorder{}
	if !ErrorIs(r, openErr, fs.ErrNotExist) {
		t.Error("ErrorIs fs.ErrNotExist")
	}
	var ce *codeError
	if !ErrorAs(r, wrapped, &ce) || ce.code != 404 {
		t.Error("ErrorAs codeError")
	}
	if ErrorIs(r, wrapped, fs.ErrExist) {
		t.Error("ErrorIs should fail")
	}
	var pe *fs.PathError
	if ErrorAs(r, wrapped, &pe) {
		t.Error("ErrorAs should fail")
	}
	if !NoError(r, nil) || NoError(r, errors.New("bad")) {
		t.Error("NoError")
	}
	if len(r.msgs) != 3 {
		t.Fatalf("messages: %q", r.msgs)
	}
	if !strings.Contains(r.msgs[1], "expected: *fs.PathError") {
		t.Errorf("%q", r.msgs[1])
	}
}

func TestPanics(t *testing.T) {
	r := &recorder{}
	if !Panics(r, func() { var m map[int]int; m[1] = 1 }) {
		t.Error("nil map write did not panic")
	}
	if Panics(r, func() {}) {
		t.Error("empty func panicked")
	}
	if !PanicsWithValue(r, "boom", func() { panic("boom") }) {
		t.Error("PanicsWithValue")
	}
	if PanicsWithValue(r, "boom", func() { panic(errors.New("boom")) }) {
		t.Error("PanicsWithValue with an error value")
	}
	if len(r.msgs) != 2 || !strings.Contains(r.msgs[0], "should panic") || !strings.Contains(r.msgs[1], "&errors.errorString{s:\"boom\"}") {
		t.Errorf("%q", r.msgs)
	}
}

func TestLenAndElements(t *testing.T) {
	r := &recorder{}
	ch := make(chan int, 3)
	ch <- 1
	ok := Len(r, []int{1, 2}, 2) && Len(r, "héllo", 6) && Len(r, map[int]int{}, 0) && Len(r, ch, 1) && Len(r, [3]int{}, 3)
	if !ok {
		t.Errorf("Len: %q", r.msgs)
	}
	if Len(r, 5, 1) || Len(r, []string{"a"}, 2) {
		t.Error("Len should fail")
	}
	if !ElementsMatch(r, []int{3, 1, 2, 1}, []int{1, 1, 2, 3}) {
		t.Error("ElementsMatch")
	}
	if ElementsMatch(r, []string{"a", "b"}, []string{"b", "c"}) {
		t.Error("ElementsMatch should fail")
	}
	want := "extra in A: []interface {}{\"a\"}\n\t            \textra in B: []interface {}{\"c\"}"
	if last := r.msgs[len(r.msgs)-1]; !strings.Contains(last, want) {
		t.Errorf("got %q", last)
	}
}

func TestEventually(t *testing.T) {
	var n int32
	go func() {
		for i := 0; i < 3; i++ {
			time.Sleep(time.Millisecond)
			atomic.AddInt32(&n, 1)
		}
	}()
	r := &recorder{}
	if !Eventually(r, func() bool { return atomic.LoadInt32(&n) == 3 }, 5*time.Second, time.Millisecond) {
		t.Fatal("never reached 3")
	}
	if testing.Short() {
		t.Skip("skipping the slow timeout case in short mode")
	}
	if Eventually(r, func() bool { return false }, 20*time.Millisecond, 5*time.Millisecond) {
		t.Fatal("false became true")
	}
}

func TestCallerInfoFromHelper(t *testing.T) {
	check := func(r *recorder) {
		Equal(r, 1, 2)
	}
	r := &recorder{}
	check(r)
	trace := strings.SplitN(r.msgs[0], "\n", 3)[1]
	if !strings.Contains(trace, "assert_test.go:") {
		t.Errorf("trace %q", trace)
	}
	t.Logf("frames: %d", len(CallerInfo()))
}

func TestDiff(t *testing.T) {
	got := Diff(map[string]int{"a": 1}, map[string]int{"a": 2})
	want := "  map[string]int{\n- \"a\":1}\n+ \"a\":2}\n"
	if got != want {
		t.Errorf("Diff = %q, want %q", got, want)
	}
}

func BenchmarkEqual(b *testing.B) {
	r := &recorder{}
	x := []point{{1, 2, "a"}, {3, 4, "b"}}
	y := []point{{1, 2, "a"}, {3, 4, "b"}}
	for i := 0; i < b.N; i++ {
		Equal(r, x, y)
	}
}

func ExampleDiff() {
	fmt.Print(Diff(point{1, 2, "p"}, point{1, 5, "p"}))
	// Output:
	//   assertkit.point{
	//   X:1,
	// - Y:2,
	// + Y:5,
	//   Name:"p"}
}

func ExampleObjectsAreEqual() {
	fmt.Println(ObjectsAreEqual([]byte("a"), []byte("a")), ObjectsAreEqual(1, 1.0), ObjectsAreEqual(nil, (*int)(nil)))
	// Output: true false false
}
