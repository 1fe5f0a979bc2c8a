package main

// A tiny value formatter in the manner of fmt's %v and %+v, written with reflect: nested structs, maps with
// sorted keys, pointers, interfaces, Stringer and error methods (pointer-receiver ones reached through
// Value.Addr, which needs the program's own *T with its methods).

import (
	"errors"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

type stringer interface{ String() string }

type Color int

func (c Color) String() string { return [...]string{"red", "green", "blue"}[c] }

type Temp float64

func (t *Temp) String() string { return strconv.FormatFloat(float64(*t), 'f', 2, 64) + "°" }

type Inner struct {
	T    Temp
	Tags []string
}

type Rec struct {
	Name   string
	Age    int
	C      Color
	In     Inner
	P      *Inner
	M      map[string]int
	Any    interface{}
	Err    error
	F      func()
	Ch     chan int
	hidden bool
	Bytes  []byte
	Arr    [2]uint8
	Cx     complex128
}

func format(b *strings.Builder, v reflect.Value, plus bool, depth int) {
	if !v.IsValid() {
		b.WriteString("<nil>")
		return
	}
	if v.CanInterface() {
		if s, ok := v.Interface().(stringer); ok && (v.Kind() != reflect.Pointer || !v.IsNil()) {
			b.WriteString(s.String())
			return
		}
		if e, ok := v.Interface().(error); ok && !v.IsNil() {
			b.WriteString(e.Error())
			return
		}
		if v.CanAddr() {
			if s, ok := v.Addr().Interface().(stringer); ok {
				b.WriteString(s.String())
				return
			}
		}
	}
	switch v.Kind() {
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		b.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, 64))
	case reflect.Complex64, reflect.Complex128:
		b.WriteString(strconv.FormatComplex(v.Complex(), 'g', -1, 128))
	case reflect.String:
		b.WriteString(v.String())
	case reflect.Struct:
		b.WriteString("{")
		for i := 0; i < v.NumField(); i++ {
			if i > 0 {
				b.WriteString(" ")
			}
			if plus {
				b.WriteString(v.Type().Field(i).Name + ":")
			}
			format(b, v.Field(i), plus, depth+1)
		}
		b.WriteString("}")
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("map[]")
			return
		}
		keys := v.MapKeys()
		ks := make([]string, len(keys))
		for i, k := range keys {
			var kb strings.Builder
			format(&kb, k, plus, depth+1)
			ks[i] = kb.String()
		}
		sort.Sort(byKey{keys, ks})
		b.WriteString("map[")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(" ")
			}
			format(b, k, plus, depth+1)
			b.WriteString(":")
			format(b, v.MapIndex(k), plus, depth+1)
		}
		b.WriteString("]")
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			b.WriteString("[]")
			return
		}
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(" ")
			}
			format(b, v.Index(i), plus, depth+1)
		}
		b.WriteString("]")
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("<nil>")
		} else if depth == 0 {
			b.WriteString("&")
			format(b, v.Elem(), plus, depth+1)
		} else {
			b.WriteString("0xPTR")
		}
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("<nil>")
		} else {
			format(b, v.Elem(), plus, depth+1)
		}
	case reflect.Func, reflect.Chan:
		if v.IsNil() {
			b.WriteString("<nil>")
		} else {
			b.WriteString("0xPTR")
		}
	}
}

type byKey struct {
	v []reflect.Value
	s []string
}

func (b byKey) Len() int           { return len(b.v) }
func (b byKey) Less(i, j int) bool { return b.s[i] < b.s[j] }
func (b byKey) Swap(i, j int) {
	b.v[i], b.v[j] = b.v[j], b.v[i]
	b.s[i], b.s[j] = b.s[j], b.s[i]
}

func sprint(x interface{}, plus bool) string {
	var b strings.Builder
	format(&b, reflect.ValueOf(x), plus, 0)
	return b.String()
}

func main() {
	r := Rec{
		Name: "ann", Age: 33, C: 2,
		In:  Inner{T: 21.5, Tags: []string{"x", "y"}},
		M:   map[string]int{"z": 26, "a": 1, "m": 13},
		Any: []interface{}{1, "two", 3.0, Color(1), nil},
		Err: errors.New("oops"), Ch: make(chan int), Bytes: []byte("hi"), Arr: [2]uint8{7, 8}, Cx: 1 - 2i,
	}
	println(sprint(r, false))
	println(sprint(&r, true))
	println(sprint(map[Color][]int{0: {1}, 2: nil}, false))
	t := Temp(-3)
	println(sprint(&t, false), sprint(t, false))
	println(sprint([]*Temp{&t}, false), sprint(struct{ X, Y interface{} }{}, true))
}
