package main

// reflect: promoted methods through embedded pointers, interface method sets with embedding, calls with
// floats and padded structs, types of other packages, struct tag lookups, and reflect's panics recovered.

import (
	"errors"
	"reflect"
	"sort"
	"strings"
	"sync"
)

type Inner struct{ V int }

func (i Inner) Get() int       { return i.V }
func (i *Inner) Set(v int)     { i.V = v }
func (i Inner) hidden() string { return "h" }

type Outer struct {
	*Inner
	Name string
}

type RW interface {
	Read() string
	Write(string)
}

type RWC interface {
	RW
	Close() error
}

type file struct{ data []string }

func (f *file) Read() string    { return strings.Join(f.data, "") }
func (f *file) Write(s string)  { f.data = append(f.data, s) }
func (f *file) Close() error    { return errors.New("closed") }

type Floaty struct {
	A float32
	B byte
	C float64
	D int16
}

func fl(a float32, b Floaty, c float64, d ...Floaty) (float64, Floaty) {
	s := float64(a) + float64(b.A) + c + b.C + float64(b.B) + float64(b.D)
	for _, x := range d {
		s += x.C
	}
	b.D = -b.D
	return s, b
}

func try(f func()) {
	defer func() {
		r := recover()
		if e, ok := r.(error); ok {
			println("panic:", e.Error())
		} else if s, ok := r.(string); ok {
			println("panic:", s)
		}
	}()
	f()
}

func main() {
	o := Outer{&Inner{5}, "o"}
	ov := reflect.ValueOf(o)
	println(ov.NumMethod(), reflect.TypeOf(&o).NumMethod(), ov.Method(0).Call(nil)[0].Int())
	reflect.ValueOf(&o).MethodByName("Set").Call([]reflect.Value{reflect.ValueOf(9)})
	println(o.V, reflect.TypeOf(Inner{}).NumMethod(), reflect.TypeOf(&Inner{}).NumMethod())
	rwc := reflect.TypeOf((*RWC)(nil)).Elem()
	for i := 0; i < rwc.NumMethod(); i++ {
		println(rwc.Method(i).Name, rwc.Method(i).Type.String())
	}
	var x RWC = &file{}
	xv := reflect.ValueOf(&x).Elem()
	xv.MethodByName("Write").Call([]reflect.Value{reflect.ValueOf("ab")})
	xv.MethodByName("Write").Call([]reflect.Value{reflect.ValueOf("cd")})
	println(xv.MethodByName("Read").Call(nil)[0].String(), xv.MethodByName("Close").Call(nil)[0].Interface().(error).Error())
	println(reflect.TypeOf(&file{}).Implements(rwc), xv.Elem().Type().String())

	res := reflect.ValueOf(fl).Call([]reflect.Value{
		reflect.ValueOf(float32(1.5)), reflect.ValueOf(Floaty{2, 3, 4, 5}), reflect.ValueOf(0.25),
		reflect.ValueOf(Floaty{C: 10}), reflect.ValueOf(Floaty{C: 20}),
	})
	println(res[0].Float() == 45.75, res[1].Field(3).Int())

	println(reflect.TypeOf(strings.Builder{}).String(), reflect.TypeOf(&sync.Mutex{}).String(), reflect.TypeOf(sync.WaitGroup{}).PkgPath())
	println(reflect.TypeOf(errors.New("x")).String(), reflect.TypeOf(sort.IntSlice{}).NumMethod())
	tag := reflect.StructTag(`a:"1" b:"" c:"x y"`)
	v, ok := tag.Lookup("b")
	println(v == "", ok, tag.Get("c"))
	_, ok = tag.Lookup("z")
	println(ok)

	try(func() { reflect.ValueOf("s").Int() })
	try(func() { reflect.ValueOf(3).SetInt(4) })
	try(func() { reflect.ValueOf([]int{}).Index(3) })
	try(func() { reflect.ValueOf(fl).Call(nil) })
	try(func() { var m map[string]int; reflect.ValueOf(m).SetMapIndex(reflect.ValueOf("a"), reflect.ValueOf(1)) })
	try(func() { reflect.ValueOf(o).Field(0).Elem().Field(0).SetInt(3) })
	try(func() { reflect.ValueOf(struct{ a int }{}).Field(0).Interface() })
	try(func() { reflect.MakeFunc(reflect.TypeOf(func() int { return 0 }), func([]reflect.Value) []reflect.Value { return nil }).Interface().(func() int)() })
	try(func() { reflect.Zero(reflect.TypeOf(0)).Addr() })
	try(func() { reflect.ValueOf(0).Convert(reflect.TypeOf([]int{})) })
}
