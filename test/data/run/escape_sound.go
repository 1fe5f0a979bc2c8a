// Values whose address outlives the frame must stay on the heap: each case keeps a pointer past its
// frame (or past the next run of its allocation in a loop), then clobbers the stack and checks the value.
package main

import (
	"fmt"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unsafe"
)

type T struct {
	a, b int
	next *T
}

var global *T
var globalIface interface{}
var globalSlice []int

type holder struct{ p *T }

func ret() *T {
	x := T{a: 1, b: 2}
	return &x
}

func retNew() *int {
	p := new(int)
	*p = 42
	return p
}

func toGlobal() {
	x := T{a: 3}
	global = &x
}

func toHeap(h *holder) {
	x := T{a: 4}
	h.p = &x
}

func toIface() {
	x := T{a: 5}
	globalIface = &x
}

func sliceGlobal() {
	arr := [4]int{6, 7, 8, 9}
	globalSlice = arr[:]
}

func closure() func() int {
	x := 10
	return func() int { x++; return x }
}

func viaGoroutine() int {
	x := T{a: 11}
	var wg sync.WaitGroup
	wg.Add(1)
	ch := make(chan int)
	go func() {
		defer wg.Done()
		ch <- x.a
	}()
	v := <-ch
	wg.Wait()
	return v
}

func deferred() (r int) {
	x := T{a: 12}
	defer func() { r = x.a }()
	return 0
}

type Keeper interface{ Keep(*T) }
type keeper struct{}

var kept *T

func (keeper) Keep(p *T) { kept = p }

func viaInterface(k Keeper) {
	x := T{a: 13}
	k.Keep(&x)
}

func viaReflect() reflect.Value {
	x := T{a: 14}
	return reflect.ValueOf(&x)
}

func viaUnsafe() uintptr {
	x := T{a: 15}
	p := unsafe.Pointer(&x)
	kept = (*T)(p)
	return 0
}

func loopKeep() *T {
	var prev *T
	for i := 0; i < 3; i++ {
		x := &T{a: 16 + i}
		x.next = prev
		prev = x
	}
	return prev
}

func loopSlice() []*int {
	var out []*int
	for i := 0; i < 3; i++ {
		v := i * 10
		out = append(out, &v)
	}
	return out
}

func loopLocalPrev() int {
	// prev holds the previous iteration's allocation while the next one is made.
	var prev *T
	sum := 0
	for i := 0; i < 4; i++ {
		x := new(T)
		x.a = i
		if prev != nil {
			sum += prev.a * 100
		}
		sum += x.a
		prev = x
	}
	return sum
}

func loopPrevSlice() string {
	// prev, a slice variable outside the loop, still points at the previous iteration's buf.
	var prev []byte
	out := ""
	for i := 0; i < 3; i++ {
		buf := [4]byte{'a' + byte(i)}
		if prev != nil {
			out += string(prev[:1])
		}
		prev = buf[:]
	}
	return out + string(prev[:1])
}

func loopTemp() int {
	// Each iteration's buf is only used within the iteration: it may share one stack slot.
	n := 0
	for i := 0; i < 3; i++ {
		buf := [8]byte{byte(i + 1)}
		n += sum(buf[:1])
	}
	return n
}

func sum(b []byte) int { return int(b[0]) }

func storeInLocalThenReturn() *T {
	var h holder
	x := T{a: 20}
	h.p = &x
	return h.p
}

func leakParam(p *T) *T { return p }

func throughCallee() *T {
	x := T{a: 21}
	return leakParam(&x)
}

type S struct {
	arr [4]int
	p   *int
}

func (s *S) P() *int { return s.p }

func contentThroughCallee() *int {
	var s S
	s.arr[1] = 22
	s.p = &s.arr[1]
	return s.P()
}

func sortClosure() []int {
	s := []int{3, 1, 2}
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s
}

func clobber() int {
	var big [4096]int
	for i := range big {
		big[i] = -1
	}
	s := 0
	for i := range big {
		s += big[i]
	}
	return s
}

func main() {
	p := ret()
	q := retNew()
	toGlobal()
	var h holder
	toHeap(&h)
	toIface()
	sliceGlobal()
	c := closure()
	c()
	viaInterface(keeper{})
	k1 := kept
	rv := viaReflect()
	viaUnsafe()
	k2 := kept
	lk := loopKeep()
	ls := loopSlice()
	st := storeInLocalThenReturn()
	tc := throughCallee()
	ct := contentThroughCallee()
	clobber()
	runtime.GC()
	clobber()
	fmt.Println(p.a, p.b, *q, global.a, h.p.a, globalIface.(*T).a, globalSlice)
	fmt.Println(c(), viaGoroutine(), deferred(), k1.a, rv.Elem().Field(0).Int(), k2.a)
	fmt.Println(lk.a, lk.next.a, lk.next.next.a, *ls[0], *ls[1], *ls[2], loopLocalPrev())
	fmt.Println(st.a, tc.a, *ct, sortClosure(), loopPrevSlice(), loopTemp())
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		buf := [8]byte{'a' + byte(i)}
		sb.Write(buf[:1])
	}
	fmt.Println(sb.String())
}
