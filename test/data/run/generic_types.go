package main

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.val)
	}
}

func (l List[T]) Len() int { return l.size }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return "pair" }

type Stringer interface{ String() string }

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)           { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool      { _, ok := s[v]; return ok }
func NewSet[T comparable]() Set[T] { return make(Set[T]) }

type Stack[T any] []T

func (s *Stack[T]) Push(v T) { *s = append(*s, v) }
func (s *Stack[T]) Pop() T {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}

type Tree[T interface{ ~int | ~string }] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

type Getter[T any] interface{ Get() T }

func Use[T any](g Getter[T]) T { return g.Get() }

type Opt[T any] struct {
	val T
	ok  bool
}

func Some[T any](v T) Opt[T] { return Opt[T]{v, true} }

func (o Opt[T]) OrElse(d T) T {
	if o.ok {
		return o.val
	}
	return d
}

type Chan[T any] chan T

type Fn[A, B any] func(A) B

func Compose[A, B, C any](f Fn[A, B], g Fn[B, C]) Fn[A, C] {
	return func(a A) C { return g(f(a)) }
}

func typeName(f func()) (s string) {
	defer func() {
		r := recover()
		if e, ok := r.(interface{ Error() string }); ok {
			s = e.Error()
		}
	}()
	f()
	return ""
}

func main() {
	var l List[string]
	l.Push("a")
	l.Push("b")
	l.Each(func(s string) { print(s, " ") })
	println(l.Len())
	li := &List[int]{}
	for i := 0; i < 3; i++ {
		li.Push(i * i)
	}
	sum := 0
	li.Each(func(i int) { sum += i })
	println(sum, li.Len())

	var s Stringer = Pair[int, string]{1, "a"}
	println(s.String())
	m := map[Pair[string, int]]int{}
	m[Pair[string, int]{"x", 1}] = 10
	m[Pair[string, int]{"x", 2}] = 20
	println(m[Pair[string, int]{"x", 1}], m[Pair[string, int]{"x", 2}], len(m))
	var a, b any = Pair[int, int]{1, 2}, Pair[int, int]{1, 2}
	println(a == b)

	set := NewSet[string]()
	set.Add("go")
	println(set.Has("go"), set.Has("rust"), len(set))

	var st Stack[int]
	st.Push(1)
	st.Push(2)
	println(st.Pop(), st.Pop(), len(st))

	var t *Tree[int]
	for _, v := range []int{5, 3, 8, 1} {
		t = t.Insert(v)
	}
	t.Walk(func(v int) { print(v, " ") })
	println()
	var ts *Tree[string]
	ts = ts.Insert("m").Insert("c").Insert("x")
	ts.Walk(func(v string) { print(v, " ") })
	println()

	println(Use[int](Box[int]{42}), Use[string](Box[string]{"hi"}))
	println(Some(3).OrElse(4), Opt[string]{}.OrElse("dflt"))

	push := li.Push
	push(100)
	println(li.Len(), li.head.val)
	get := Box[float64].Get
	println(get(Box[float64]{2.5}) == 2.5)

	c := make(Chan[int], 1)
	c <- 5
	println(<-c)
	h := Compose(func(i int) string { return string(rune('A' + i)) }, func(s string) int { return len(s) + 10 })
	println(h(2))

	println(typeName(func() { var x any = Pair[int, string]{}; _ = x.(Pair[int, int]) }))
	println(typeName(func() { var x any = &List[map[string]int]{}; _ = x.(Stringer) }))
	println(typeName(func() { var x any = Box[Pair[int, bool]]{}; _ = x.(int) }))
}
