package main

// reflect.Value of every kind: String, Set*, New/Zero round trips, slices, maps (rt/src/reflect.rs map
// hooks), channels, Select (rselect), DeepEqual, Convert.

import (
	"reflect"
	"sort"
	"strconv"
)

type Pair struct {
	K string
	V int
}

type Tree struct {
	L, R *Tree
	Val  int
	Tags map[string][]int
}

type Named int

func (n Named) String() string { return "Named(" + strconv.Itoa(int(n)) + ")" }

func main() {
	vals := []interface{}{
		true, 3, int8(-4), int16(5), int32(6), int64(-7), uint(8), uint8(9), uint16(10), uint32(11), uint64(12),
		uintptr(13), float32(1.5), 2.25, complex64(1 + 2i), 3 + 4i, "str", []int{1}, [2]int{}, map[int]int{},
		make(chan int), func() {}, &Pair{}, Pair{}, Named(3), (*int)(nil), struct{}{},
	}
	for _, v := range vals {
		rv := reflect.ValueOf(v)
		println(rv.Kind().String(), rv.String(), rv.Type().String(), rv.IsValid(), rv.CanSet(), rv.CanAddr())
	}
	println(reflect.Value{}.String(), reflect.Value{}.IsValid(), reflect.Value{}.Kind().String())

	// Setting through pointers.
	p := Pair{"a", 1}
	pv := reflect.ValueOf(&p).Elem()
	pv.Field(0).SetString("b")
	pv.FieldByName("V").SetInt(99)
	println(p.K, p.V, pv.CanSet(), pv.Field(1).CanAddr(), pv.NumField())
	var f32 float32
	reflect.ValueOf(&f32).Elem().SetFloat(0.75)
	var u16 uint16
	reflect.ValueOf(&u16).Elem().SetUint(65535)
	var c64 complex64
	reflect.ValueOf(&c64).Elem().SetComplex(1 - 1i)
	println(f32 == 0.75, u16, real(c64), imag(c64))
	println(reflect.ValueOf(&u16).Elem().OverflowUint(65536), reflect.ValueOf(int8(0)).OverflowInt(128))

	// New, Zero, Indirect, Interface round trips keep the program's types.
	np := reflect.New(reflect.TypeOf(Pair{}))
	np.Elem().Field(1).SetInt(5)
	pp := np.Interface().(*Pair)
	println(pp.V, reflect.Zero(reflect.TypeOf(3.5)).Float(), reflect.Indirect(np).Field(1).Int())
	nt := reflect.New(reflect.TypeOf(Tree{})).Interface().(*Tree)
	println(nt.L == nil)
	ip := reflect.New(reflect.TypeOf(0)).Interface().(*int)
	*ip = 4
	println(*ip, reflect.PtrTo(reflect.TypeOf(Pair{})) == reflect.TypeOf(&Pair{}))

	// Slices.
	s := reflect.MakeSlice(reflect.TypeOf([]string{}), 2, 5)
	s.Index(0).SetString("x")
	s = reflect.Append(s, reflect.ValueOf("y"), reflect.ValueOf("z"))
	s = reflect.AppendSlice(s, reflect.ValueOf([]string{"u", "v", "w"}))
	ss := s.Interface().([]string)
	println(len(ss), s.Len(), s.Cap() >= 7, ss[0], ss[3], ss[6])
	dst := reflect.MakeSlice(reflect.TypeOf([]string{}), 3, 3)
	println(reflect.Copy(dst, s), dst.Index(2).String(), s.Slice(1, 3).Len(), s.Slice3(0, 2, 4).Cap())
	arr := [4]int{1, 2, 3, 4}
	av := reflect.ValueOf(&arr).Elem()
	av.Index(2).SetInt(30)
	println(arr[2], av.Len(), av.Slice(1, 3).Index(1).Int())
	sw := reflect.Swapper(ss)
	sw(0, 6)
	println(ss[0], ss[6])
	bs := reflect.ValueOf([]byte("hey")).Bytes()
	println(string(bs))
	str := reflect.ValueOf("hello")
	println(str.Len(), str.Index(1).Uint(), str.Slice(1, 3).String())

	// Maps.
	m := reflect.MakeMap(reflect.TypeOf(map[string]int{}))
	for i := 0; i < 20; i++ {
		m.SetMapIndex(reflect.ValueOf("k"+strconv.Itoa(i)), reflect.ValueOf(i*i))
	}
	m.SetMapIndex(reflect.ValueOf("k3"), reflect.Value{})
	println(m.Len(), m.MapIndex(reflect.ValueOf("k4")).Int(), m.MapIndex(reflect.ValueOf("k3")).IsValid())
	keys := m.MapKeys()
	var ks []string
	for _, k := range keys {
		ks = append(ks, k.String())
	}
	sort.Strings(ks)
	println(len(ks), ks[0], ks[18])
	total := 0
	it := m.MapRange()
	for it.Next() {
		total += int(it.Value().Int()) + len(it.Key().String())
	}
	println(total)
	mi := reflect.MakeMapWithSize(reflect.TypeOf(map[Pair]*Tree{}), 4)
	mi.SetMapIndex(reflect.ValueOf(Pair{"a", 1}), reflect.ValueOf(&Tree{Val: 3}))
	println(mi.MapIndex(reflect.ValueOf(Pair{"a", 1})).Elem().Field(2).Int(), mi.MapIndex(reflect.ValueOf(Pair{"a", 2})).IsValid())
	gm := map[interface{}]int{1: 1, "a": 2}
	println(reflect.ValueOf(gm).MapIndex(reflect.ValueOf("a")).Int())

	// Channels.
	ch := reflect.MakeChan(reflect.TypeOf(make(chan int)), 2)
	println(ch.TrySend(reflect.ValueOf(1)), ch.TrySend(reflect.ValueOf(2)), ch.TrySend(reflect.ValueOf(3)), ch.Len(), ch.Cap())
	v, ok := ch.Recv()
	println(v.Int(), ok)
	ch.Send(reflect.ValueOf(7))
	v, ok = ch.TryRecv()
	println(v.Int(), ok)
	ch.Close()
	v, ok = ch.TryRecv()
	println(v.Int(), ok)
	v, ok = ch.TryRecv()
	println(v.Int(), ok)

	// Select.
	c1 := make(chan string, 1)
	c2 := make(chan int)
	c1 <- "ready"
	cases := []reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(c2)},
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(c1)},
	}
	i, rv, rok := reflect.Select(cases)
	println(i, rv.String(), rok)
	cases = append(cases, reflect.SelectCase{Dir: reflect.SelectDefault})
	i, _, rok = reflect.Select(cases)
	println(i, rok)
	go func() { c2 <- 5 }()
	i, rv, _ = reflect.Select(cases[:2])
	println(i, rv.Int())
	c3 := make(chan int, 1)
	i, _, _ = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectSend, Chan: reflect.ValueOf(c3), Send: reflect.ValueOf(8)}})
	println(i, <-c3)
	close(c1)
	i, rv, rok = reflect.Select(cases)
	println(i, rv.String() == "", rok)

	// DeepEqual.
	t1 := &Tree{L: &Tree{Val: 1}, Val: 2, Tags: map[string][]int{"a": {1, 2}}}
	t2 := &Tree{L: &Tree{Val: 1}, Val: 2, Tags: map[string][]int{"a": {1, 2}}}
	println(reflect.DeepEqual(t1, t2), reflect.DeepEqual(t1, &Tree{}), reflect.DeepEqual([]int{}, []int(nil)))
	t2.Tags["a"][1] = 3
	println(reflect.DeepEqual(t1, t2), reflect.DeepEqual(map[int]string{1: "a"}, map[int]string{1: "a"}), reflect.DeepEqual(1, int64(1)))
	cyc := &Tree{}
	cyc.L = cyc
	cyc2 := &Tree{}
	cyc2.L = cyc2
	println(reflect.DeepEqual(cyc, cyc2))

	// Conversions and comparisons.
	cv := reflect.ValueOf(65).Convert(reflect.TypeOf(""))
	println(cv.String(), reflect.ValueOf(3.9).Convert(reflect.TypeOf(0)).Int(), reflect.ValueOf(Named(2)).Convert(reflect.TypeOf(0)).Int())
	println(reflect.ValueOf(Named(4)).Interface().(interface{ String() string }).String())
	println(reflect.ValueOf(2).IsZero(), reflect.ValueOf(Pair{}).IsZero())
	var e error
	println(reflect.ValueOf(&e).Elem().IsNil(), reflect.ValueOf(&e).Elem().Kind().String())
}
