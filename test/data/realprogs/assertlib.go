// A testify-style assertion helper used from main: DeepEqual, runtime.Caller, %#v diffs.
package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
)

type T struct {
	failed bool
	log    bytes.Buffer
}

func (t *T) Errorf(format string, args ...interface{}) {
	t.failed = true
	fmt.Fprintf(&t.log, format, args...)
	t.log.WriteByte('\n')
}

func callerInfo(skip int) string {
	_, file, line, ok := runtime.Caller(skip + 1)
	if !ok {
		return "???"
	}
	return fmt.Sprintf("%s:%d", filepath.Base(file), line)
}

func ObjectsAreEqual(expected, actual interface{}) bool {
	if expected == nil || actual == nil {
		return expected == actual
	}
	exp, ok := expected.([]byte)
	if !ok {
		return reflect.DeepEqual(expected, actual)
	}
	act, ok := actual.([]byte)
	if !ok {
		return false
	}
	return bytes.Equal(exp, act)
}

func diff(expected, actual interface{}) string {
	e := strings.Split(fmt.Sprintf("%#v", expected), ",")
	a := strings.Split(fmt.Sprintf("%#v", actual), ",")
	var b strings.Builder
	for i := 0; i < len(e) || i < len(a); i++ {
		var x, y string
		if i < len(e) {
			x = e[i]
		}
		if i < len(a) {
			y = a[i]
		}
		if x != y {
			fmt.Fprintf(&b, "\t-%s\n\t+%s\n", strings.TrimSpace(x), strings.TrimSpace(y))
		}
	}
	return b.String()
}

func Equal(t *T, expected, actual interface{}, msgAndArgs ...interface{}) bool {
	if !ObjectsAreEqual(expected, actual) {
		msg := ""
		if len(msgAndArgs) > 0 {
			msg = fmt.Sprintf(msgAndArgs[0].(string), msgAndArgs[1:]...)
		}
		t.Errorf("%s: Not equal: %s\nexpected: %#v\nactual  : %#v\ndiff:\n%s", callerInfo(1), msg, expected, actual, diff(expected, actual))
		return false
	}
	return true
}

func isNil(v interface{}) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Ptr, reflect.Slice, reflect.UnsafePointer:
		return rv.IsNil()
	}
	return false
}

func Nil(t *T, v interface{}) bool {
	if !isNil(v) {
		t.Errorf("%s: Expected nil, but got: %#v", callerInfo(1), v)
		return false
	}
	return true
}

func Len(t *T, obj interface{}, n int) bool {
	v := reflect.ValueOf(obj)
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s: %T could not be applied builtin len(): %v", callerInfo(3), obj, r)
		}
	}()
	if v.Len() != n {
		t.Errorf("%s: %#v should have %d item(s), but has %d", callerInfo(1), obj, n, v.Len())
		return false
	}
	return true
}

func Contains(t *T, s, elem interface{}) bool {
	sv := reflect.ValueOf(s)
	switch sv.Kind() {
	case reflect.String:
		if strings.Contains(sv.String(), reflect.ValueOf(elem).String()) {
			return true
		}
	case reflect.Map:
		for _, k := range sv.MapKeys() {
			if ObjectsAreEqual(k.Interface(), elem) {
				return true
			}
		}
	default:
		for i := 0; i < sv.Len(); i++ {
			if ObjectsAreEqual(sv.Index(i).Interface(), elem) {
				return true
			}
		}
	}
	t.Errorf("%s: %#v does not contain %#v", callerInfo(1), s, elem)
	return false
}

func Panics(t *T, f func()) (ok bool) {
	defer func() {
		r := recover()
		if r == nil {
			t.Errorf("%s: func %#v should panic", callerInfo(3), reflect.ValueOf(f).Kind())
			ok = false
		} else {
			ok = true
		}
	}()
	f()
	return true
}

type Point struct {
	X, Y int
	Tag  string
}

type Shape struct {
	Name   string
	Points []Point
	Meta   map[string]interface{}
	Parent *Shape
}

func main() {
	t := &T{}
	Equal(t, 1, 1)
	Equal(t, int32(1), int64(1))
	Equal(t, []byte("abc"), []byte("abc"))
	Equal(t, []byte("abc"), []byte("abd"), "bytes %d", 3)
	Equal(t, Point{1, 2, "a"}, Point{1, 3, "a"})
	s1 := Shape{Name: "tri", Points: []Point{{0, 0, ""}, {1, 0, ""}, {0, 1, "top"}}, Meta: map[string]interface{}{"color": "red", "w": 2.5}}
	s2 := s1
	s2.Points = append([]Point(nil), s1.Points...)
	Equal(t, s1, s2)
	s2.Points[2].Tag = "peak"
	Equal(t, s1, s2, "shapes")
	s3 := &Shape{Name: "child", Parent: &s1}
	Equal(t, s3, &Shape{Name: "child", Parent: &s1})
	var np *Point
	var ni interface{} = np
	Nil(t, ni)
	Nil(t, []int{})
	Nil(t, map[string]int(nil))
	Len(t, []int{1, 2, 3}, 3)
	Len(t, "héllo", 5)
	Len(t, map[int]bool{1: true}, 2)
	Len(t, 42, 1)
	Contains(t, "hello world", "wor")
	Contains(t, []string{"a", "b"}, "c")
	Contains(t, map[string]int{"k": 1}, "k")
	Contains(t, []Point{{1, 2, ""}}, Point{1, 2, ""})
	Panics(t, func() { var m map[string]int; m["a"] = 1 })
	Panics(t, func() {})
	fmt.Print(t.log.String())
	fmt.Println("failed:", t.failed)
	fmt.Printf("%#v\n", s1.Points)
	fmt.Printf("%#v\n", map[string]interface{}{"x": []int{1}, "y": nil, "z": Point{}})
	fmt.Printf("%#v %#v %#v\n", struct{}{}, [2]bool{true}, &Point{})
	var e error
	fmt.Printf("%#v %#v %#v\n", e, uint8(7), 'x')
}
