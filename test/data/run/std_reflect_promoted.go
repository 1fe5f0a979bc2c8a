package main

// Unnamed struct types with embedded fields: their promoted methods in the descriptors (interface
// assertions at run time, reflect method sets) and their *T as ptrToThis (reflect.New(t) has the methods).

import "reflect"

type Inner struct{ V int }

func (i Inner) Get() int   { return i.V }
func (i *Inner) Set(v int) { i.V = v }

type G interface{ Get() int }
type S interface {
	G
	Set(int)
}

func main() {
	var g G = struct{ Inner }{Inner{3}}
	println(g.Get())
	p := &struct {
		Inner
		X int
	}{Inner{4}, 1}
	var s S = p
	s.Set(7)
	println(s.Get(), p.V)
	var e interface{} = struct{ *Inner }{&Inner{5}}
	s2, ok := e.(S)
	println(ok, reflect.TypeOf(e).NumMethod())
	if ok {
		s2.Set(6)
		println(s2.Get())
	}
	t := reflect.TypeOf(p)
	for i := 0; i < t.NumMethod(); i++ {
		println(t.Method(i).Name, t.Method(i).Type.String())
	}
	println(reflect.ValueOf(p).MethodByName("Get").Call(nil)[0].Int())

	at := reflect.TypeOf(struct{ Inner }{})
	v := reflect.New(at)
	v.Elem().Field(0).Field(0).SetInt(8)
	gg, ok := v.Interface().(G)
	println(ok, at.NumMethod(), reflect.PointerTo(at).NumMethod())
	if ok {
		println(gg.Get())
	}
}
