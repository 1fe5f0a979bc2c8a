// reflect: Value.Call, MakeFunc, StructOf, Select, DeepEqual, struct tags, Method by name, MapOf/SliceOf,
// setting through pointers, Convert, and the panics of misuse.
package main

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

type User struct {
	Name  string `json:"name" validate:"required"`
	Age   int    `json:"age,omitempty" validate:"min=0"`
	email string
	Tags  []string
}

func (u User) Greet(greeting string) string { return greeting + ", " + u.Name }
func (u *User) Birthday()                  { u.Age++ }
func (u User) Pair(a, b int) (int, error)  { return a + b + u.Age, nil }

type Adder interface{ Add(int) int }
type num int

func (n num) Add(x int) int { return int(n) + x }

func main() {
	u := User{Name: "Ann", Age: 30, email: "a@x", Tags: []string{"x"}}
	t := reflect.TypeOf(u)
	fmt.Println(t, t.Kind(), t.NumField(), t.NumMethod(), reflect.PtrTo(t).NumMethod())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		j, ok := f.Tag.Lookup("json")
		fmt.Printf("%s %v exported=%v json=%q/%v validate=%q offset=%d index=%v\n", f.Name, f.Type, f.IsExported(), j, ok, f.Tag.Get("validate"), f.Offset, f.Index)
	}
	for i := 0; i < reflect.PtrTo(t).NumMethod(); i++ {
		m := reflect.PtrTo(t).Method(i)
		fmt.Println("method", m.Name, m.Type)
	}
	v := reflect.ValueOf(u)
	out := v.MethodByName("Greet").Call([]reflect.Value{reflect.ValueOf("Hello")})
	fmt.Println(out[0].String(), out[0].Kind())
	res := v.MethodByName("Pair").Call([]reflect.Value{reflect.ValueOf(1), reflect.ValueOf(2)})
	fmt.Println(res[0].Int(), res[1].IsNil())
	pv := reflect.ValueOf(&u)
	pv.MethodByName("Birthday").Call(nil)
	fmt.Println(u.Age, v.MethodByName("Missing").IsValid())
	e := pv.Elem()
	e.FieldByName("Name").SetString("Bob")
	e.Field(1).SetInt(41)
	e.FieldByName("Tags").Set(reflect.Append(e.FieldByName("Tags"), reflect.ValueOf("y")))
	fmt.Printf("%+v %v %v\n", u, e.FieldByName("email").CanSet(), e.FieldByName("Name").CanSet())
	fmt.Println(e.FieldByName("email").String())

	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	reflect.ValueOf(&intSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(intSwap), swap))
	fmt.Println(intSwap(1, 2))
	var strSwap func(string, string) (string, string)
	reflect.ValueOf(&strSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(strSwap), swap))
	fmt.Println(strSwap("a", "b"))

	st := reflect.StructOf([]reflect.StructField{
		{Name: "ID", Type: reflect.TypeOf(0), Tag: `json:"id"`},
		{Name: "Label", Type: reflect.TypeOf(""), Tag: `json:"label"`},
	})
	sv := reflect.New(st).Elem()
	sv.Field(0).SetInt(9)
	sv.Field(1).SetString("dyn")
	fmt.Printf("%v %+v %v\n", st, sv.Interface(), st.Field(1).Tag.Get("json"))

	chs := []chan int{make(chan int, 1), make(chan int, 1), make(chan int, 1)}
	chs[1] <- 42
	cases := make([]reflect.SelectCase, len(chs))
	for i, c := range chs {
		cases[i] = reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(c)}
	}
	chosen, recv, ok := reflect.Select(cases)
	fmt.Println(chosen, recv.Int(), ok)
	cases = append(cases, reflect.SelectCase{Dir: reflect.SelectDefault})
	chosen, _, _ = reflect.Select(cases)
	fmt.Println("default chosen:", chosen)

	fmt.Println(reflect.DeepEqual(map[string][]int{"a": {1}}, map[string][]int{"a": {1}}),
		reflect.DeepEqual([]int{}, []int(nil)), reflect.DeepEqual(u, u), reflect.DeepEqual(1, int64(1)),
		reflect.DeepEqual(&User{Name: "x"}, &User{Name: "x"}), reflect.DeepEqual(nil, nil))

	mt := reflect.MapOf(reflect.TypeOf(""), reflect.SliceOf(reflect.TypeOf(0)))
	mv := reflect.MakeMap(mt)
	mv.SetMapIndex(reflect.ValueOf("k"), reflect.ValueOf([]int{1, 2}))
	mv.SetMapIndex(reflect.ValueOf("a"), reflect.ValueOf([]int{}))
	keys := mv.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	fmt.Println(mt, keys, mv.Len(), mv.MapIndex(reflect.ValueOf("k")))
	it := mv.MapRange()
	n := 0
	for it.Next() {
		n += it.Value().Len()
	}
	fmt.Println("iter", n)

	var a Adder = num(5)
	av := reflect.ValueOf(&a).Elem()
	fmt.Println(av.Kind(), av.Elem().Type(), av.Elem().Method(0).Call([]reflect.Value{reflect.ValueOf(3)})[0])
	fmt.Println(reflect.TypeOf(num(0)).Implements(reflect.TypeOf((*Adder)(nil)).Elem()))
	f := reflect.ValueOf(3.7)
	fmt.Println(f.Convert(reflect.TypeOf(0)).Int(), reflect.ValueOf(65).Convert(reflect.TypeOf("")).String())
	fmt.Println(reflect.ValueOf([]byte("hi")).Convert(reflect.TypeOf("")).Interface())
	fmt.Println(reflect.Zero(t), reflect.ValueOf(nil).IsValid(), reflect.ValueOf((*int)(nil)).IsNil())
	arr := reflect.ValueOf([3]string{"x", "y", "z"})
	fmt.Println(arr.Index(2), arr.Len(), arr.Type().Elem())
	fn := reflect.ValueOf(strings.Repeat)
	fmt.Println(fn.Type(), fn.Call([]reflect.Value{reflect.ValueOf("ab"), reflect.ValueOf(3)})[0])
	vf := reflect.ValueOf(fmt.Sprintf)
	fmt.Println(vf.Type().IsVariadic(), vf.Call([]reflect.Value{reflect.ValueOf("%d-%s"), reflect.ValueOf(1), reflect.ValueOf("z")})[0])
	for _, bad := range []func(){
		func() { reflect.ValueOf(u).Field(0).SetString("x") },
		func() { reflect.ValueOf(1).Len() },
		func() { reflect.ValueOf(u).MethodByName("Greet").Call(nil) },
		func() { reflect.ValueOf(&u).Elem().FieldByName("email").SetString("z") },
		func() { var p *User; reflect.ValueOf(p).Elem().Field(0) },
	} {
		func() {
			defer func() { fmt.Println("panic:", recover()) }()
			bad()
		}()
	}
	type inner struct{ X int }
	type outer struct {
		inner
		Y int
	}
	ot := reflect.TypeOf(outer{})
	fx, _ := ot.FieldByName("X")
	fmt.Println(fx.Index, ot.Field(0).Anonymous, reflect.ValueOf(outer{inner{1}, 2}).FieldByIndex([]int{0, 0}))
	fmt.Println(reflect.TypeOf(make(chan<- int)).ChanDir(), reflect.TypeOf(fmt.Println).NumIn(), reflect.TypeOf(fmt.Println).In(0))
	fmt.Println(reflect.Indirect(reflect.ValueOf(&u)).Type().Name(), reflect.TypeOf(&u).String(), t.PkgPath(), t.Size() > 0)
}
