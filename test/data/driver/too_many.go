package main

import "os"
import "strings"

func f1() { a := 1; var b int = "x"; c := 2 }
func f2() { a := 1; var b int = "x"; c := 2 }
func f3() { a := 1; var b int = "x"; c := 2; for { d := 1 } }

type T struct{ x undefinedT }

var v1 int = "y"
var v2 = undefinedV

func main() { x := 1 }
