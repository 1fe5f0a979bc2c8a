// reflect: Select over dynamic channels, MakeFunc for variadic/multi-result funcs, StructOf with tags and
// embedding, FuncOf/MapOf/ChanOf/ArrayOf, CallSlice, Method by name, MapRange, Copy, Convert.
package main

import (
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

type Greeter struct{ Name string }

func (g Greeter) Hello(greeting string, punct ...string) string {
	return greeting + ", " + g.Name + strings.Join(punct, "")
}
func (g *Greeter) Rename(n string) (old string, err error) {
	if n == "" {
		return g.Name, errors.New("empty name")
	}
	old, g.Name = g.Name, n
	return
}

type Base struct{ ID int }

func (b Base) Describe() string { return fmt.Sprint("base#", b.ID) }

func main() {
	// Select with a send, several receives and a default.
	chs := make([]chan int, 3)
	var cases []reflect.SelectCase
	for i := range chs {
		chs[i] = make(chan int, 1)
		cases = append(cases, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(chs[i])})
	}
	out := make(chan string, 1)
	cases = append(cases, reflect.SelectCase{Dir: reflect.SelectSend, Chan: reflect.ValueOf(out), Send: reflect.ValueOf("sent")})
	chs[1] <- 11
	// Both the receive and the send are ready: Select picks one at random, so the order is not printed.
	seen := map[int]bool{}
	var got []string
	for len(seen) < 2 {
		i, v, ok := reflect.Select(cases)
		if i == 3 {
			got = append(got, fmt.Sprintln("send chosen", <-out))
		} else {
			got = append(got, fmt.Sprintln("recv", i, v, ok))
		}
		seen[i] = true
		cases[i].Chan = reflect.Value{}
	}
	sort.Strings(got)
	fmt.Print(strings.Join(got, ""))
	close(chs[2])
	i, v, ok := reflect.Select(cases)
	fmt.Println("closed:", i, v, ok)
	cases[2].Chan = reflect.Value{}
	cases = append(cases, reflect.SelectCase{Dir: reflect.SelectDefault})
	i, _, _ = reflect.Select(cases)
	fmt.Println("default:", i)

	// MakeFunc: a generic memoizer and a variadic adder.
	var fib func(int) int
	memo := map[int]int{}
	calls := 0
	raw := func(n int) int {
		calls++
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	rf := reflect.ValueOf(raw)
	mf := reflect.MakeFunc(rf.Type(), func(args []reflect.Value) []reflect.Value {
		k := int(args[0].Int())
		if v, ok := memo[k]; ok {
			return []reflect.Value{reflect.ValueOf(v)}
		}
		r := rf.Call(args)
		memo[k] = int(r[0].Int())
		return r
	})
	reflect.ValueOf(&fib).Elem().Set(mf)
	fmt.Println(fib(50), calls)
	var sum func(string, ...int) (string, int)
	reflect.ValueOf(&sum).Elem().Set(reflect.MakeFunc(reflect.TypeOf(sum), func(args []reflect.Value) []reflect.Value {
		t := 0
		for i := 0; i < args[1].Len(); i++ {
			t += int(args[1].Index(i).Int())
		}
		return []reflect.Value{reflect.ValueOf(args[0].String() + "!"), reflect.ValueOf(t)}
	}))
	fmt.Println(sum("s", 1, 2, 3))
	fmt.Println(sum("none"))
	res := reflect.ValueOf(sum).CallSlice([]reflect.Value{reflect.ValueOf("cs"), reflect.ValueOf([]int{4, 5})})
	fmt.Println(res[0], res[1])

	// Methods by name, on value and pointer.
	g := &Greeter{"Ann"}
	m := reflect.ValueOf(g).MethodByName("Hello")
	fmt.Println(m.Type(), m.Call([]reflect.Value{reflect.ValueOf("Hi"), reflect.ValueOf("!"), reflect.ValueOf("?")})[0])
	r := reflect.ValueOf(g).MethodByName("Rename").Call([]reflect.Value{reflect.ValueOf("")})
	fmt.Println(r[0], r[1], r[1].Type())
	r = reflect.ValueOf(g).MethodByName("Rename").Call([]reflect.Value{reflect.ValueOf("Bo")})
	fmt.Println(r[0], r[1].IsNil(), g.Name)
	pt := reflect.TypeOf(g)
	for i := 0; i < pt.NumMethod(); i++ {
		mm := pt.Method(i)
		fmt.Println(mm.Name, mm.Type, mm.Index)
	}
	fmt.Println(reflect.TypeOf(*g).NumMethod(), reflect.ValueOf(*g).MethodByName("Rename").IsValid())

	// StructOf with tags and an embedded field.
	st := reflect.StructOf([]reflect.StructField{
		{Name: "Base", Type: reflect.TypeOf(Base{}), Anonymous: true},
		{Name: "Name", Type: reflect.TypeOf(""), Tag: `json:"name" db:"n"`},
		{Name: "Vals", Type: reflect.SliceOf(reflect.TypeOf(0.0))},
	})
	sv := reflect.New(st).Elem()
	sv.Field(0).Field(0).SetInt(5)
	sv.FieldByName("Name").SetString("dyn")
	sv.Field(2).Set(reflect.Append(sv.Field(2), reflect.ValueOf(1.5)))
	fmt.Printf("%v | %+v | %s\n", st, sv.Interface(), st.Field(1).Tag.Get("db"))
	f, _ := st.FieldByName("ID")
	fmt.Println(f.Index, sv.FieldByIndex(f.Index), st.NumMethod(), st.Size(), st.Align())

	ft := reflect.FuncOf([]reflect.Type{reflect.TypeOf(0), reflect.TypeOf([]string{})}, []reflect.Type{reflect.TypeOf(errors.New(""))}, true)
	fmt.Println(ft, ft.IsVariadic(), ft.NumIn(), ft.Out(0))
	mt := reflect.MapOf(reflect.TypeOf(""), reflect.SliceOf(reflect.TypeOf(Base{})))
	mv := reflect.MakeMap(mt)
	mv.SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf([]Base{{1}, {2}}))
	mv.SetMapIndex(reflect.ValueOf("j"), reflect.ValueOf([]Base{}))
	var keys []string
	for it := mv.MapRange(); it.Next(); {
		keys = append(keys, fmt.Sprintf("%v=%v", it.Key(), it.Value()))
	}
	sort.Strings(keys)
	fmt.Println(mt, keys)
	ct := reflect.ChanOf(reflect.RecvDir, reflect.TypeOf(0))
	at := reflect.ArrayOf(4, reflect.TypeOf(byte(0)))
	fmt.Println(ct, at, at.Len(), reflect.PtrTo(at))
	av := reflect.New(at).Elem()
	n := reflect.Copy(av, reflect.ValueOf([]byte("hello")))
	fmt.Println(n, av.Interface())
	type Celsius float64
	cv := reflect.ValueOf(36.6).Convert(reflect.TypeOf(Celsius(0)))
	fmt.Printf("%T %v %v\n", cv.Interface(), cv, cv.CanConvert(reflect.TypeOf("")))
	sv2 := reflect.ValueOf([]int{1, 2, 3})
	fmt.Println(sv2.Slice(1, 3), sv2.Slice3(0, 1, 2).Cap(), reflect.Zero(st))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		reflect.ValueOf(g).MethodByName("Hello").Call(nil)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		reflect.ValueOf(*g).Field(0).SetString("x")
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		reflect.ValueOf(3).Convert(reflect.TypeOf([]int{}))
	}()
}
