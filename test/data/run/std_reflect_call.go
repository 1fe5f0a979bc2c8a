package main

// reflect.Value.Call (reflect.call), MakeFunc (makeFuncStub), method values (methodValueCall) and method
// expressions, with big and mixed-width arguments, variadic calls, panics and go statements through them.

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
)

type Acc struct{ N int }

func (a Acc) Get() int                   { return a.N }
func (a *Acc) Add(k int) int             { a.N += k; return a.N }
func (a Acc) Join(sep string, xs ...string) string { return strings.Join(xs, sep) + strconv.Itoa(a.N) }

type Getter interface{ Get() int }

type Big struct {
	A, B, C, D int64
	S          string
	F          float64
}

func mix(a int8, b float32, c string, d Big, e []int, f bool) (Big, float32, error) {
	d.S += c
	d.A += int64(a)
	d.F = float64(b) * 2
	if f {
		return d, b + 1, errors.New("flag " + strconv.Itoa(len(e)))
	}
	return d, b, nil
}

func div(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("recovered")
		}
	}()
	return a / b, nil
}

func main() {
	f := reflect.ValueOf(mix)
	out := f.Call([]reflect.Value{
		reflect.ValueOf(int8(3)), reflect.ValueOf(float32(1.25)), reflect.ValueOf("!"),
		reflect.ValueOf(Big{1, 2, 3, 4, "s", 0}), reflect.ValueOf([]int{1, 2}), reflect.ValueOf(true),
	})
	b := out[0].Interface().(Big)
	println(len(out), b.A, b.B, b.D, b.S, b.F == 2.5, out[1].Float() == 2.25, out[2].Interface().(error).Error())
	out = f.Call([]reflect.Value{
		reflect.ValueOf(int8(-1)), reflect.ValueOf(float32(0.5)), reflect.ValueOf("?"),
		reflect.ValueOf(Big{}), reflect.ValueOf([]int(nil)), reflect.ValueOf(false),
	})
	println(out[0].Field(0).Int(), out[0].Field(4).String(), out[2].IsNil())

	d := reflect.ValueOf(div).Call([]reflect.Value{reflect.ValueOf(7), reflect.ValueOf(0)})
	println(d[0].Int(), d[1].Interface().(error).Error())

	// Method values, by value and through a pointer.
	a := &Acc{N: 10}
	pv := reflect.ValueOf(a)
	println(pv.NumMethod(), pv.Elem().NumMethod())
	println(pv.MethodByName("Add").Call([]reflect.Value{reflect.ValueOf(5)})[0].Int(), a.N)
	println(pv.MethodByName("Get").Call(nil)[0].Int())
	j := pv.MethodByName("Join")
	println(j.Call([]reflect.Value{reflect.ValueOf("-"), reflect.ValueOf("a"), reflect.ValueOf("b")})[0].String())
	println(j.CallSlice([]reflect.Value{reflect.ValueOf("+"), reflect.ValueOf([]string{"x", "y", "z"})})[0].String())
	println(j.Type().String())
	// A method value as an ordinary func value (methodValueCall).
	add := pv.MethodByName("Add").Interface().(func(int) int)
	println(add(100), a.N)
	get := reflect.ValueOf(Acc{7}).Method(0).Interface().(func() int)
	println(get())
	// Methods through an interface value.
	var g Getter = Acc{42}
	iv := reflect.ValueOf(&g).Elem()
	println(iv.Kind().String(), iv.NumMethod(), iv.Method(0).Call(nil)[0].Int())
	// Method expressions through the type.
	m, _ := reflect.TypeOf(a).MethodByName("Add")
	println(m.Func.Call([]reflect.Value{pv, reflect.ValueOf(1)})[0].Int())

	// MakeFunc.
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	fn := reflect.MakeFunc(reflect.TypeOf(intSwap), swap)
	reflect.ValueOf(&intSwap).Elem().Set(fn)
	x, y := intSwap(1, 2)
	println(x, y)
	var strSwap func(string, string) (string, string)
	reflect.ValueOf(&strSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(strSwap), swap))
	s1, s2 := strSwap("a", "b")
	println(s1, s2)
	sum := reflect.MakeFunc(reflect.TypeOf(func(...int) int { return 0 }), func(in []reflect.Value) []reflect.Value {
		t := 0
		for i := 0; i < in[0].Len(); i++ {
			t += int(in[0].Index(i).Int())
		}
		return []reflect.Value{reflect.ValueOf(t)}
	}).Interface().(func(...int) int)
	println(sum(1, 2, 3, 4))
	big := reflect.MakeFunc(reflect.TypeOf(mix), func(in []reflect.Value) []reflect.Value {
		bb := in[3].Interface().(Big)
		bb.S = in[2].String() + bb.S
		return []reflect.Value{reflect.ValueOf(bb), reflect.ValueOf(float32(in[0].Int())), reflect.Zero(reflect.TypeOf((*error)(nil)).Elem())}
	}).Interface().(func(int8, float32, string, Big, []int, bool) (Big, float32, error))
	rb, rf, re := big(9, 0, "pre-", Big{S: "fix", D: 4}, nil, false)
	println(rb.S, rb.D, rf == 9, re == nil)
	// MakeFunc'd function called through reflect.
	println(reflect.ValueOf(sum).Call([]reflect.Value{reflect.ValueOf(5), reflect.ValueOf(6)})[0].Int())
	// A panic through MakeFunc is recovered by the caller.
	boom := reflect.MakeFunc(reflect.TypeOf(func() {}), func([]reflect.Value) []reflect.Value { panic("boom") }).Interface().(func())
	func() {
		defer func() { println("recovered:", recover().(string)) }()
		boom()
	}()
	// go statement with a MakeFunc'd function.
	done := make(chan int)
	send := reflect.MakeFunc(reflect.TypeOf(func(int) {}), func(in []reflect.Value) []reflect.Value {
		done <- int(in[0].Int()) * 2
		return nil
	}).Interface().(func(int))
	go send(21)
	println(<-done)
}
