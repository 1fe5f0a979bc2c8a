// The names of generic instances as reflect prints them: gc names an instance once, with its type
// arguments' link strings, so they are qualified by import path (and a local type by its number), also
// in String() and Name().
package main

import (
	"fmt"
	"reflect"
)

type G[T any] struct{ x T }
type A struct{}

func main() {
	type L struct{ a int }
	fmt.Println(reflect.TypeOf(G[L]{}).String(), reflect.TypeOf(G[A]{}).Name())
	fmt.Println(reflect.TypeOf(G[func(int) string]{}).String())
	fmt.Println(reflect.TypeOf(G[map[string]*A]{}).String())
	fmt.Println(reflect.TypeOf(G[G[L]]{}).String())
	fmt.Printf("%T\n", G[interface{ M() }]{})
	fmt.Printf("%T\n", G[[]error]{})
}
