// Nil checks that no memory access makes by itself: zero-size values through nil pointers, addresses
// (`&*p`, `&p.f`, `&p[0]`) that only escape, pointer receivers at offset 0, offsets beyond the guard
// page, and `append` whose length sum overflows int. The last one is not recovered: gc's exact report.
package main

type E struct{}

type T struct {
	e E
	y int
}

type Big struct {
	x [64 << 10]byte
	i int
}

type M struct{}

func (m *M) F() int { return 0 }

type M1 struct{ M }

var (
	p    *E
	t    *T
	big  *Big
	m1   *M1
	sink interface{}
	se   E
	i    = 3
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			println(name, "did not panic")
			return
		}
		println(name, r.(error).Error())
	}()
	f()
}

func use(e E) {}

func eq(p, q *E) bool { return *p == *q }

func main() {
	try("x := *p", func() { x := *p; _ = x })
	try("*p = E{}", func() { *p = E{} })
	try("sink = *p", func() { sink = *p })
	try("use(*p)", func() { use(*p) })
	try("_ = *p", func() { _ = *p })
	try("*p == *q", func() { println(eq(nil, nil)) })
	try("t.e", func() { se = t.e })
	try("&t.e", func() { println(&t.e == nil) })
	try("&*t", func() { println(&*t == nil) })
	try("&(*t).y", func() { println(&(*t).y == nil) })
	try("a[:]", func() { var a *[4]E; s := a[:]; println(len(s)) })
	try("a[1]", func() { var a *[4]E; se = a[1] })
	try("&a[0]", func() { var a *[4]int; println(&a[0] == nil) })
	try("a[i]", func() { var a *[1 << 20]byte; println(a[i<<18]) })
	try("big.i", func() { println(big.i) })
	try("&big.i", func() { println(&big.i == nil) })
	try("*(&(*big).i)", func() { println(*(&((*big).i))) })
	try("m1.F()", func() { println(m1.F()) })
	try("m1.M.F", func() { f := m1.M.F; println(f()) })
	try("range", func() {
		var a *[4]int
		for i := range a {
			_ = i
		}
		println("range ok")
	})
	n := int(^uint(0) >> 1)
	a := make([]E, n)
	_ = append(a, a...)
}
