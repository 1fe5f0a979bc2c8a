package main

// reflect.SliceOf/ArrayOf/MapOf/ChanOf/FuncOf/StructOf: found in the linker's typelinks when the program
// has the type, built at run time (addReflectOff names) when not, and used for values of either.

import (
	"reflect"
	"runtime"
)

type Pt struct{ X, Y int }

func main() {
	it := reflect.TypeOf(0)
	st := reflect.TypeOf("")
	sl := reflect.SliceOf(it)
	println(sl.String(), sl == reflect.TypeOf([]int{}), reflect.SliceOf(reflect.TypeOf(Pt{})).String())
	nsl := reflect.SliceOf(reflect.TypeOf(uint16(0)))
	println(nsl.String(), nsl.Elem() == reflect.TypeOf(uint16(0)))
	v := reflect.MakeSlice(nsl, 3, 3)
	v.Index(1).SetUint(7)
	println(v.Index(1).Uint(), v.Len())

	ar := reflect.ArrayOf(4, st)
	println(ar.String(), ar.Len(), ar.Size(), ar == reflect.TypeOf([4]string{}))
	av := reflect.New(ar).Elem()
	av.Index(3).SetString("last")
	println(av.Index(3).String())
	a5 := reflect.ArrayOf(5, reflect.TypeOf(Pt{}))
	println(a5.String(), a5.Size(), a5.Comparable())
	x := reflect.New(a5).Elem()
	y := reflect.New(a5).Elem()
	x.Index(2).Field(1).SetInt(3)
	println(x.Interface() == y.Interface())
	y.Index(2).Field(1).SetInt(3)
	println(x.Interface() == y.Interface())

	mt := reflect.MapOf(st, sl)
	println(mt.String(), mt == reflect.TypeOf(map[string][]int{}))
	mt2 := reflect.MapOf(reflect.TypeOf(int32(0)), reflect.TypeOf(Pt{}))
	m := reflect.MakeMap(mt2)
	m.SetMapIndex(reflect.ValueOf(int32(1)), reflect.ValueOf(Pt{1, 2}))
	m.SetMapIndex(reflect.ValueOf(int32(2)), reflect.ValueOf(Pt{3, 4}))
	println(mt2.String(), m.Len(), m.MapIndex(reflect.ValueOf(int32(2))).Field(0).Int())

	ct := reflect.ChanOf(reflect.BothDir, it)
	println(ct.String(), ct == reflect.TypeOf(make(chan int)))
	ct2 := reflect.ChanOf(reflect.RecvDir, reflect.TypeOf(Pt{}))
	println(ct2.String(), ct2.ChanDir().String())
	c := reflect.MakeChan(reflect.ChanOf(reflect.BothDir, reflect.TypeOf(Pt{})), 1)
	c.Send(reflect.ValueOf(Pt{5, 6}))
	r, _ := c.Recv()
	println(r.Field(1).Int())

	ft := reflect.FuncOf([]reflect.Type{it, st}, []reflect.Type{reflect.TypeOf(true)}, false)
	println(ft.String(), ft == reflect.TypeOf(func(int, string) bool { return false }))
	ft2 := reflect.FuncOf([]reflect.Type{reflect.TypeOf(Pt{}), reflect.TypeOf([]float64{})}, []reflect.Type{it}, true)
	println(ft2.String(), ft2.IsVariadic())
	f := reflect.MakeFunc(ft2, func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(int(in[0].Field(0).Int()) + in[1].Len())}
	})
	println(f.Call([]reflect.Value{reflect.ValueOf(Pt{10, 0}), reflect.ValueOf(1.0), reflect.ValueOf(2.0)})[0].Int())

	sft := reflect.StructOf([]reflect.StructField{
		{Name: "Name", Type: st, Tag: `json:"name"`},
		{Name: "Age", Type: reflect.TypeOf(uint8(0))},
		{Name: "Score", Type: reflect.TypeOf(0.0), Tag: `json:"score,omitempty"`},
		{Name: "Pt", Type: reflect.TypeOf(Pt{}), Anonymous: true},
	})
	println(sft.String(), sft.Size(), sft.NumField(), sft.Field(2).Offset, sft.Field(2).Tag.Get("json"), sft.Field(3).Anonymous)
	sv := reflect.New(sft).Elem()
	sv.Field(0).SetString("bob")
	sv.Field(1).SetUint(42)
	sv.FieldByName("Y").SetInt(9)
	println(sv.Field(0).String(), sv.Field(1).Uint(), sv.Field(3).Field(1).Int(), sv.FieldByName("X").Int())
	sv2 := reflect.New(sft).Elem()
	sv2.Set(sv)
	println(sv2.Interface() == sv.Interface(), reflect.DeepEqual(sv2.Interface(), sv.Interface()))
	same := reflect.StructOf([]reflect.StructField{{Name: "X", Type: it}, {Name: "Y", Type: it}})
	println(same.String(), same == reflect.TypeOf(struct{ X, Y int }{}), reflect.TypeOf(Pt{}).ConvertibleTo(same))
	pv := reflect.ValueOf(Pt{1, 2}).Convert(same)
	println(pv.Type().String(), pv.Field(1).Int())
	ps := reflect.PtrTo(sft)
	println(ps.String(), ps.Elem() == sft)
	m3 := reflect.MakeMap(reflect.MapOf(sft, it))
	m3.SetMapIndex(sv, reflect.ValueOf(1))
	println(m3.MapIndex(sv2).Int())

	// An array type too big for a pointer bitmap: reflect gives it a GC program (scanned conservatively
	// by rt); what it points to must survive collections.
	big := reflect.ArrayOf(20000, reflect.TypeOf((*Pt)(nil)))
	bv := reflect.New(big).Elem()
	for i := 0; i < 20000; i += 1000 {
		bv.Index(i).Set(reflect.ValueOf(&Pt{i, i + 1}))
	}
	runtime.GC()
	var junk [][]int
	for i := 0; i < 2000; i++ {
		junk = append(junk, make([]int, 100))
	}
	runtime.GC()
	total := 0
	for i := 0; i < 20000; i += 1000 {
		total += int(bv.Index(i).Elem().Field(1).Int())
	}
	println(big.Size(), total, len(junk))
}
