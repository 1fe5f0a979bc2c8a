package main

type S string

func (s S) String() string { return "S:" + string(s) }

func main() {
	panic(S("q"))
}
