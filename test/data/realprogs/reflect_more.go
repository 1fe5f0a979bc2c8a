// reflect: Call, MakeFunc, StructOf, Select, DeepEqual, tag parsing, map Set, method sets, conversions.
package main

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

type Config struct {
	Host    string `env:"HOST" default:"localhost" json:"host,omitempty"`
	Port    int    `env:"PORT" default:"8080"`
	Debug   bool   `env:"DEBUG"`
	Ratio   float64
	Tags    []string
	private int
	Nested  struct{ Level uint8 }
}

type Greeter struct{ Name string }

func (g Greeter) Hello(greet string, n int) string { return strings.Repeat(greet+" "+g.Name+"! ", n) }
func (g *Greeter) SetName(n string)               { g.Name = n }
func (g Greeter) unexported()                      {}

func setField(v reflect.Value, s string) error {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Int:
		var n int
		_, err := fmt.Sscan(s, &n)
		if err != nil {
			return err
		}
		v.SetInt(int64(n))
	case reflect.Bool:
		v.SetBool(s == "true")
	default:
		return fmt.Errorf("unsupported kind %s", v.Kind())
	}
	return nil
}

func main() {
	var c Config
	rv := reflect.ValueOf(&c).Elem()
	rt := rv.Type()
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		def, ok := f.Tag.Lookup("default")
		fmt.Printf("%d %s %s %v exported=%v env=%q default=%q/%v json=%q offset=%d index=%v\n",
			i, f.Name, f.Type, f.Type.Kind(), f.IsExported(), f.Tag.Get("env"), def, ok, f.Tag.Get("json"), f.Offset, f.Index)
		if ok {
			fmt.Println(" set:", setField(rv.Field(i), def))
		}
	}
	fmt.Printf("%+v\n", c)
	fmt.Println(rv.FieldByName("private").CanSet(), rv.FieldByName("Port").CanSet(), rv.FieldByName("Nope").IsValid())
	sf, _ := rt.FieldByName("Nested")
	fmt.Println(sf.Type, rv.FieldByIndex([]int{6, 0}).Kind())

	g := Greeter{"Ann"}
	gv := reflect.ValueOf(g)
	m := gv.MethodByName("Hello")
	out := m.Call([]reflect.Value{reflect.ValueOf("hi"), reflect.ValueOf(2)})
	fmt.Println(out[0], m.Type())
	pt := reflect.TypeOf(&g)
	for i := 0; i < pt.NumMethod(); i++ {
		fmt.Println("method", pt.Method(i).Name, pt.Method(i).Type)
	}
	fmt.Println(reflect.TypeOf(g).NumMethod())
	reflect.ValueOf(&g).MethodByName("SetName").Call([]reflect.Value{reflect.ValueOf("Bob")})
	fmt.Println(g.Name)

	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	fn := reflect.MakeFunc(reflect.TypeOf(intSwap), swap)
	reflect.ValueOf(&intSwap).Elem().Set(fn)
	fmt.Println(intSwap(1, 2))
	var strSwap func(string, string) (string, string)
	reflect.ValueOf(&strSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(strSwap), swap))
	fmt.Println(strSwap("a", "b"))

	st := reflect.StructOf([]reflect.StructField{
		{Name: "Height", Type: reflect.TypeOf(float64(0)), Tag: `json:"height"`},
		{Name: "Age", Type: reflect.TypeOf(int(0)), Tag: `json:"age"`},
		{Name: "Name", Type: reflect.TypeOf(""), Tag: `json:"name"`},
	})
	sv := reflect.New(st).Elem()
	sv.Field(0).SetFloat(1.75)
	sv.Field(1).SetInt(30)
	sv.Field(2).SetString("dyn")
	fmt.Printf("%v %+v %d %d\n", st, sv.Interface(), st.Size(), st.Field(2).Offset)

	mv := reflect.MakeMap(reflect.TypeOf(map[string]int{}))
	mv.SetMapIndex(reflect.ValueOf("b"), reflect.ValueOf(2))
	mv.SetMapIndex(reflect.ValueOf("a"), reflect.ValueOf(1))
	mv.SetMapIndex(reflect.ValueOf("c"), reflect.ValueOf(3))
	mv.SetMapIndex(reflect.ValueOf("c"), reflect.Value{})
	keys := mv.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	fmt.Println(keys, mv.Len(), mv.MapIndex(reflect.ValueOf("a")), mv.MapIndex(reflect.ValueOf("zz")).IsValid())
	it := mv.MapRange()
	n := 0
	for it.Next() {
		n += int(it.Value().Int())
	}
	fmt.Println(n, mv.Interface())

	ch1 := make(chan int, 1)
	ch2 := make(chan string, 1)
	ch2 <- "hello"
	cases := []reflect.SelectCase{
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ch1)},
		{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ch2)},
	}
	chosen, recv, ok := reflect.Select(cases)
	fmt.Println(chosen, recv, ok)
	cases = append(cases, reflect.SelectCase{Dir: reflect.SelectDefault})
	chosen, _, _ = reflect.Select(cases)
	fmt.Println(chosen)
	cases[0] = reflect.SelectCase{Dir: reflect.SelectSend, Chan: reflect.ValueOf(ch1), Send: reflect.ValueOf(9)}
	chosen, _, _ = reflect.Select(cases)
	fmt.Println(chosen, <-ch1)

	a := map[string][]int{"x": {1, 2}}
	b := map[string][]int{"x": {1, 2}}
	fmt.Println(reflect.DeepEqual(a, b), reflect.DeepEqual([]int{}, []int(nil)), reflect.DeepEqual(c, c), reflect.DeepEqual(1, int64(1)))
	type cyc struct{ next *cyc }
	c1 := &cyc{}
	c1.next = c1
	c2 := &cyc{}
	c2.next = c2
	fmt.Println(reflect.DeepEqual(c1, c2))

	sl := reflect.MakeSlice(reflect.TypeOf([]string{}), 0, 2)
	sl = reflect.Append(sl, reflect.ValueOf("p"), reflect.ValueOf("q"))
	sl = reflect.AppendSlice(sl, reflect.ValueOf([]string{"r"}))
	fmt.Println(sl, sl.Len(), sl.Cap() >= 3, sl.Index(1), sl.Slice(1, 3))
	fmt.Println(reflect.ValueOf(3.5).Convert(reflect.TypeOf(0)), reflect.TypeOf(0).ConvertibleTo(reflect.TypeOf("")), reflect.TypeOf(g).AssignableTo(reflect.TypeOf((*fmt.Stringer)(nil)).Elem()))
	fmt.Println(reflect.TypeOf((*error)(nil)).Elem().Kind(), reflect.PtrTo(reflect.TypeOf(0)), reflect.SliceOf(reflect.TypeOf(g)), reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(1.0)), reflect.ChanOf(reflect.RecvDir, reflect.TypeOf(0)))
	fmt.Println(reflect.ArrayOf(3, reflect.TypeOf(byte(0))), reflect.FuncOf([]reflect.Type{reflect.TypeOf(0)}, []reflect.Type{reflect.TypeOf("")}, false))
	fmt.Println(reflect.Zero(reflect.TypeOf(c)).Interface().(Config).Port, reflect.Indirect(reflect.ValueOf(&g)).Field(0))
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.ValueOf(c).Field(0).SetString("x")
}
