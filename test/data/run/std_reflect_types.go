package main

// reflect from GOROOT: Type.String/Name/Kind of every kind, fields with tags and offsets, method sets
// with names, interfaces, Implements/ConvertibleTo, VisibleFields (descriptors from typedesc.rs).

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
)

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "C" }

type Point struct {
	X, Y int    `json:"x" xml:"px"`
	Name string `json:"name,omitempty"`
	tags []string
	Next *Point
}

func (p Point) Sum() int            { return p.X + p.Y }
func (p *Point) Scale(k int)       { p.X *= k; p.Y *= k }
func (p Point) Label(pre string) string { return pre + p.Name }

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Embed struct {
	Point
	Extra uint8
}

type Fn func(int, ...string) (bool, error)

func show(v interface{}) {
	t := reflect.TypeOf(v)
	println(t.String(), t.Kind().String(), t.Name(), t.PkgPath(), t.Size(), t.Align(), t.NumMethod())
}

func main() {
	show(1)
	show(int8(1))
	show(uint64(1))
	show(uintptr(1))
	show(1.5)
	show(float32(1.5))
	show(complex(1, 2))
	show("s")
	show(true)
	show([]int{1})
	show([3]string{})
	show(map[string][]int{})
	show(make(chan int))
	show(make(<-chan bool))
	show(make(chan<- *Point))
	show(Point{})
	show(&Point{})
	show(Celsius(1))
	show(Embed{})
	show(&Embed{})
	show(Fn(nil))
	show(func(a, b int) string { return "" })
	show(struct {
		A int
		b string
	}{})
	show([]interface{}{})
	show((*Shape)(nil))
	show(reflect.TypeOf((*Shape)(nil)).Elem())
	show(reflect.TypeOf((*error)(nil)).Elem())

	t := reflect.TypeOf(Point{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		println(i, f.Name, f.Type.String(), f.Offset, f.Index[0], f.Anonymous, f.IsExported(), string(f.Tag), f.Tag.Get("json"), f.Tag.Get("xml"), f.PkgPath)
	}
	pt := reflect.TypeOf(&Point{})
	for i := 0; i < pt.NumMethod(); i++ {
		m := pt.Method(i)
		println(i, m.Name, m.Type.String(), m.Index, m.PkgPath == "")
	}
	et := reflect.TypeOf(Embed{})
	for i := 0; i < et.NumMethod(); i++ {
		m := et.Method(i)
		println("embed", i, m.Name, m.Type.String())
	}
	f, ok := et.FieldByName("Y")
	println(f.Name, ok, f.Index[0], f.Index[1])
	_, ok = et.FieldByName("Nope")
	println(ok)
	m, ok := pt.MethodByName("Scale")
	println(m.Name, ok, m.Type.NumIn(), m.Type.In(0).String(), m.Type.In(1).String())
	st := reflect.TypeOf((*Shape)(nil)).Elem()
	for i := 0; i < st.NumMethod(); i++ {
		println("iface", st.Method(i).Name, st.Method(i).Type.String())
	}
	ft := reflect.TypeOf(Fn(nil))
	println(ft.NumIn(), ft.NumOut(), ft.IsVariadic(), ft.In(1).String(), ft.Out(1).String())
	println(reflect.TypeOf(Celsius(0)).Implements(reflect.TypeOf((*interface{ String() string })(nil)).Elem()))
	println(pt.Implements(st), reflect.TypeOf(0).ConvertibleTo(reflect.TypeOf(Celsius(0))), reflect.TypeOf(0).AssignableTo(reflect.TypeOf(Celsius(0))))
	println(reflect.TypeOf(Point{}).Comparable(), reflect.TypeOf([]int{}).Comparable(), reflect.TypeOf(map[int]int{}).Key().String())
	ct := reflect.TypeOf(make(<-chan bool))
	println(ct.ChanDir().String(), ct.Elem().String())
	at := reflect.TypeOf([3]string{})
	println(at.Len(), at.Elem().String())
	println(reflect.TypeOf(Point{}) == reflect.TypeOf(Point{X: 1}), reflect.TypeOf(1) == reflect.TypeOf(int8(1)))

	fields := reflect.VisibleFields(reflect.TypeOf(Embed{}))
	var names []string
	for _, f := range fields {
		names = append(names, f.Name)
	}
	sort.Strings(names)
	println(strings.Join(names, ","))
}
