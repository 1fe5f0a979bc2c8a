package main

// Types declared inside functions: their strings are gc's (`main.T`, no `·N`), in reflect and in the
// message of a failed type assertion between two of them ("types from different scopes").

import "reflect"

var x interface{}

func set() {
	type T struct{ A int }
	x = T{1}
}

func check() {
	type T struct{ A int }
	defer func() {
		println(recover().(error).Error())
	}()
	_ = x.(T)
}

func main() {
	type T struct{ A int }
	println(reflect.TypeOf(T{}).String(), reflect.TypeOf(T{}).Name(), reflect.TypeOf([]*T{}).String())
	set()
	println(reflect.TypeOf(x).String(), reflect.TypeOf(x) == reflect.TypeOf(T{}))
	check()
}
