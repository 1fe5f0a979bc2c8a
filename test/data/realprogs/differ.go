// A go-cmp-like reflective differ with paths, options and cycles.
package main

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"time"
)

type Option func(*differ)

func IgnoreFields(names ...string) Option {
	return func(d *differ) {
		for _, n := range names {
			d.ignore[n] = true
		}
	}
}

func EquateApprox(eps float64) Option { return func(d *differ) { d.eps = eps } }

type differ struct {
	ignore  map[string]bool
	eps     float64
	out     []string
	visited map[[2]uintptr]bool
}

func Diff(x, y interface{}, opts ...Option) string {
	d := &differ{ignore: map[string]bool{}, visited: map[[2]uintptr]bool{}}
	for _, o := range opts {
		o(d)
	}
	d.walk("", reflect.ValueOf(x), reflect.ValueOf(y))
	return strings.Join(d.out, "\n")
}

func (d *differ) report(path string, x, y reflect.Value) {
	f := func(v reflect.Value) string {
		if !v.IsValid() {
			return "<invalid>"
		}
		if v.CanInterface() {
			return fmt.Sprintf("%#v", v.Interface())
		}
		return fmt.Sprintf("%v", v)
	}
	d.out = append(d.out, fmt.Sprintf("%s: -%s +%s", path, f(x), f(y)))
}

func (d *differ) walk(path string, x, y reflect.Value) {
	if !x.IsValid() || !y.IsValid() {
		if x.IsValid() != y.IsValid() {
			d.report(path, x, y)
		}
		return
	}
	if x.Type() != y.Type() {
		d.out = append(d.out, fmt.Sprintf("%s: type %v != %v", path, x.Type(), y.Type()))
		return
	}
	if x.Type() == reflect.TypeOf(time.Time{}) {
		tx, ty := x.Interface().(time.Time), y.Interface().(time.Time)
		if !tx.Equal(ty) {
			d.report(path, x, y)
		}
		return
	}
	switch x.Kind() {
	case reflect.Ptr:
		if x.IsNil() || y.IsNil() {
			if x.IsNil() != y.IsNil() {
				d.report(path, x, y)
			}
			return
		}
		k := [2]uintptr{x.Pointer(), y.Pointer()}
		if d.visited[k] {
			return
		}
		d.visited[k] = true
		d.walk("(*"+path+")", x.Elem(), y.Elem())
	case reflect.Interface:
		if x.IsNil() || y.IsNil() {
			if x.IsNil() != y.IsNil() {
				d.report(path, x, y)
			}
			return
		}
		d.walk(path+".("+x.Elem().Type().String()+")", x.Elem(), y.Elem())
	case reflect.Struct:
		for i := 0; i < x.NumField(); i++ {
			f := x.Type().Field(i)
			if d.ignore[f.Name] {
				continue
			}
			d.walk(path+"."+f.Name, x.Field(i), y.Field(i))
		}
	case reflect.Slice, reflect.Array:
		n := x.Len()
		if y.Len() > n {
			n = y.Len()
		}
		for i := 0; i < n; i++ {
			p := fmt.Sprintf("%s[%d]", path, i)
			switch {
			case i >= x.Len():
				d.report(p, reflect.Value{}, y.Index(i))
			case i >= y.Len():
				d.report(p, x.Index(i), reflect.Value{})
			default:
				d.walk(p, x.Index(i), y.Index(i))
			}
		}
	case reflect.Map:
		keys := map[interface{}]reflect.Value{}
		for _, k := range x.MapKeys() {
			keys[k.Interface()] = k
		}
		for _, k := range y.MapKeys() {
			keys[k.Interface()] = k
		}
		var ks []reflect.Value
		for _, k := range keys {
			ks = append(ks, k)
		}
		sort.Slice(ks, func(i, j int) bool { return fmt.Sprint(ks[i]) < fmt.Sprint(ks[j]) })
		for _, k := range ks {
			d.walk(fmt.Sprintf("%s[%#v]", path, k.Interface()), x.MapIndex(k), y.MapIndex(k))
		}
	case reflect.Float32, reflect.Float64:
		a, b := x.Float(), y.Float()
		if math.Abs(a-b) > d.eps && !(math.IsNaN(a) && math.IsNaN(b)) {
			d.report(path, x, y)
		}
	case reflect.Func:
		if !x.IsNil() || !y.IsNil() {
			d.out = append(d.out, path+": funcs not comparable")
		}
	default:
		if x.CanInterface() {
			if x.Interface() != y.Interface() {
				d.report(path, x, y)
			}
		} else if fmt.Sprint(x) != fmt.Sprint(y) {
			d.report(path, x, y)
		}
	}
}

type Addr struct {
	Street string
	Zip    int
}
type Person struct {
	Name    string
	Age     int
	Score   float64
	Tags    []string
	Addr    *Addr
	Extra   map[string]interface{}
	Born    time.Time
	private int
	Friends []*Person
}

func main() {
	loc := time.FixedZone("X", 3600)
	b1 := time.Date(1990, 5, 17, 12, 0, 0, 0, time.UTC)
	b2 := b1.In(loc)
	p1 := &Person{Name: "Ann", Age: 30, Score: 1.0, Tags: []string{"a", "b"}, Addr: &Addr{"Main", 111}, Extra: map[string]interface{}{"k": 1, "j": "s"}, Born: b1, private: 1}
	p2 := &Person{Name: "Ann", Age: 31, Score: 1.0000001, Tags: []string{"a", "c", "d"}, Addr: &Addr{"Main", 112}, Extra: map[string]interface{}{"k": 1.0, "l": []int{1}}, Born: b2, private: 2}
	p1.Friends = []*Person{p1}
	p2.Friends = []*Person{p2}
	fmt.Println(Diff(p1, p2))
	fmt.Println("---")
	fmt.Println(Diff(p1, p2, IgnoreFields("Age", "Extra"), EquateApprox(1e-3)))
	fmt.Println("---")
	fmt.Printf("%q\n", Diff([]int{1, 2}, []int{1, 2}))
	fmt.Println(Diff(map[int]string{1: "a", 2: "b"}, map[int]string{2: "B", 3: "c"}))
	fmt.Println(Diff([2]float64{math.NaN(), 1}, [2]float64{math.NaN(), 2}))
	fmt.Println(Diff(struct{ F func() }{}, struct{ F func() }{F: func() {}}))
	fmt.Println(Diff(interface{}(1), interface{}("1")))
}
