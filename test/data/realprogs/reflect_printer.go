// A reflect-driven pretty printer plus reflect.StructOf, MakeFunc, Select, Call, method sets and tags.
package main

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

type Address struct {
	Street string `pp:"street" json:"street"`
	Zip    int    `pp:"zip,omitempty"`
}

type Person struct {
	Name    string
	Age     int
	Emails  []string
	Addr    *Address
	Attrs   map[string]interface{}
	private bool
	Friends []*Person
	Fn      func(int) int
}

func (p Person) Greet(greeting string) string { return greeting + ", " + p.Name }
func (p *Person) Birthday()                   { p.Age++ }
func (p Person) String() string               { return "Person(" + p.Name + ")" }

func pp(b *strings.Builder, v reflect.Value, depth int) {
	ind := strings.Repeat("  ", depth)
	switch v.Kind() {
	case reflect.Ptr:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		b.WriteString("&")
		pp(b, v.Elem(), depth)
	case reflect.Struct:
		t := v.Type()
		b.WriteString(t.String() + " {\n")
		for i := 0; i < v.NumField(); i++ {
			f := t.Field(i)
			fmt.Fprintf(b, "%s  %s", ind, f.Name)
			if tag, ok := f.Tag.Lookup("pp"); ok {
				fmt.Fprintf(b, " [%s]", tag)
			}
			b.WriteString(": ")
			if !f.IsExported() {
				fmt.Fprintf(b, "(unexported %v)", v.Field(i))
			} else {
				pp(b, v.Field(i), depth+1)
			}
			b.WriteString("\n")
		}
		b.WriteString(ind + "}")
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			b.WriteString("nil slice")
			return
		}
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			pp(b, v.Index(i), depth+1)
		}
		b.WriteString("]")
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		b.WriteString("map{")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(b, "%q: ", k.String())
			pp(b, v.MapIndex(k), depth+1)
		}
		b.WriteString("}")
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil iface")
			return
		}
		fmt.Fprintf(b, "(%s) ", v.Elem().Type())
		pp(b, v.Elem(), depth)
	case reflect.Func:
		fmt.Fprintf(b, "func nil=%v %s", v.IsNil(), v.Type())
	case reflect.String:
		fmt.Fprintf(b, "%q", v.String())
	default:
		fmt.Fprintf(b, "%v", v.Interface())
	}
}

func main() {
	p := &Person{Name: "Ann", Age: 30, Emails: []string{"a@x", "b@y"}, Addr: &Address{"Main St", 12345},
		Attrs: map[string]interface{}{"z": 1.5, "a": []int{1}, "n": nil}, Friends: []*Person{{Name: "Bob"}},
		Fn: func(x int) int { return x * 2 }}
	var b strings.Builder
	pp(&b, reflect.ValueOf(p), 0)
	fmt.Println(b.String())

	t := reflect.TypeOf(p)
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		fmt.Println("method", m.Name, m.Type, m.Index)
	}
	fmt.Println(reflect.TypeOf(*p).NumMethod(), t.Elem().Kind(), t.Kind(), t.Elem().Name(), t.Elem().PkgPath())
	res := reflect.ValueOf(p).MethodByName("Greet").Call([]reflect.Value{reflect.ValueOf("Hi")})
	fmt.Println(res[0])
	reflect.ValueOf(p).MethodByName("Birthday").Call(nil)
	fmt.Println(p.Age)
	fmt.Println(reflect.ValueOf(p.Fn).Call([]reflect.Value{reflect.ValueOf(21)})[0].Int())
	fmt.Println(reflect.ValueOf(fmt.Sprintf).Call([]reflect.Value{reflect.ValueOf("%d-%s"), reflect.ValueOf(7), reflect.ValueOf("x")})[0])
	fmt.Println(reflect.ValueOf(strings.Join).Call([]reflect.Value{reflect.ValueOf([]string{"a", "b"}), reflect.ValueOf("+")}))
	fmt.Println(reflect.ValueOf(fmt.Sprint).CallSlice([]reflect.Value{reflect.ValueOf([]interface{}{"a", 1, "b"})}))

	// MakeFunc: a generic swap and a timing wrapper.
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	var strSwap func(string, string) (string, string)
	for _, fp := range []interface{}{&intSwap, &strSwap} {
		fn := reflect.ValueOf(fp).Elem()
		fn.Set(reflect.MakeFunc(fn.Type(), swap))
	}
	fmt.Println(intSwap(1, 2))
	fmt.Println(strSwap("a", "b"))
	counted := 0
	wrap := func(f interface{}) interface{} {
		fv := reflect.ValueOf(f)
		return reflect.MakeFunc(fv.Type(), func(in []reflect.Value) []reflect.Value {
			counted++
			if fv.Type().IsVariadic() {
				return fv.CallSlice(in)
			}
			return fv.Call(in)
		}).Interface()
	}
	add := wrap(func(a, b float64, s ...string) string { return fmt.Sprint(a+b, s) }).(func(float64, float64, ...string) string)
	fmt.Println(add(1.5, 2, "x", "y"), add(0, 0), counted)

	// StructOf: build a type at run time, fill it, print it.
	st := reflect.StructOf([]reflect.StructField{
		{Name: "ID", Type: reflect.TypeOf(0), Tag: `json:"id"`},
		{Name: "Label", Type: reflect.TypeOf(""), Tag: `json:"label,omitempty"`},
		{Name: "Weights", Type: reflect.TypeOf([]float64{})},
		{Name: "Next", Type: reflect.PtrTo(reflect.TypeOf(Address{}))},
	})
	sv := reflect.New(st).Elem()
	sv.Field(0).SetInt(7)
	sv.FieldByName("Label").SetString("seven")
	sv.Field(2).Set(reflect.ValueOf([]float64{0.5, 1}))
	fmt.Printf("%v | %+v | %s | size=%d fields=%d tag=%q\n", st, sv.Interface(), st.Kind(), st.Size(), st.NumField(), st.Field(1).Tag.Get("json"))
	fmt.Println(reflect.DeepEqual(sv.Interface(), reflect.New(st).Elem().Interface()))
	arr := reflect.ArrayOf(3, st)
	fmt.Println(arr, arr.Len(), reflect.SliceOf(st).Kind(), reflect.MapOf(reflect.TypeOf(""), st).Key())
	ft := reflect.FuncOf([]reflect.Type{reflect.TypeOf(0)}, []reflect.Type{reflect.TypeOf("")}, false)
	fmt.Println(ft, reflect.ChanOf(reflect.BothDir, st), reflect.ChanOf(reflect.RecvDir, reflect.TypeOf(0)))

	// Select over a dynamic set of channels.
	chans := make([]chan int, 3)
	cases := make([]reflect.SelectCase, 0, 4)
	for i := range chans {
		chans[i] = make(chan int, 1)
		cases = append(cases, reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(chans[i])})
	}
	chans[2] <- 30
	chosen, v, ok := reflect.Select(cases)
	fmt.Println("select", chosen, v, ok)
	close(chans[0])
	chosen, v, ok = reflect.Select(cases)
	fmt.Println("select", chosen, v, ok)
	sendCh := make(chan string, 1)
	chosen, _, _ = reflect.Select([]reflect.SelectCase{
		{Dir: reflect.SelectSend, Chan: reflect.ValueOf(sendCh), Send: reflect.ValueOf("sent")},
	})
	fmt.Println("select send", chosen, <-sendCh)
	chosen, _, _ = reflect.Select([]reflect.SelectCase{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(make(chan int))}, {Dir: reflect.SelectDefault}})
	fmt.Println("select default", chosen)

	// Setting through pointers, CanSet, conversions, zero values.
	x := 3.5
	xv := reflect.ValueOf(&x).Elem()
	fmt.Println(xv.CanSet(), reflect.ValueOf(x).CanSet())
	xv.SetFloat(9.25)
	fmt.Println(x, xv.Convert(reflect.TypeOf(int64(0))), reflect.Zero(reflect.TypeOf(p)).IsNil())
	m := reflect.MakeMap(reflect.TypeOf(map[string]int{}))
	m.SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf(5))
	s := reflect.MakeSlice(reflect.TypeOf([]int{}), 2, 5)
	s = reflect.Append(s, reflect.ValueOf(9))
	fmt.Println(m, s, s.Cap(), reflect.Indirect(reflect.ValueOf(&x)))
	var e error
	fmt.Println(reflect.TypeOf(&e).Elem().Kind(), reflect.TypeOf((*fmt.Stringer)(nil)).Elem().Name(), t.Implements(reflect.TypeOf((*fmt.Stringer)(nil)).Elem()))
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.ValueOf(x).SetFloat(1)
}
