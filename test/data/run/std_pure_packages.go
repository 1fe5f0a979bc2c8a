// Standard packages that compile as they are (no assembly, no runtime coupling): unicode/utf8, unicode,
// container/list.
package main

import (
	"container/list"
	"unicode"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界"
	println(utf8.RuneCountInString(s), utf8.ValidString(s))
	r, n := utf8.DecodeRuneInString(s[1:])
	println(r, n, utf8.RuneLen('世'))
	println(unicode.IsUpper('A'), unicode.IsLetter('世'), unicode.ToUpper('é'), unicode.IsSpace('\t'))
	l := list.New()
	for i := 0; i < 5; i++ {
		l.PushBack(i)
	}
	l.PushFront(-1)
	for e := l.Front(); e != nil; e = e.Next() {
		print(e.Value.(int), " ")
	}
	println(l.Len())
}
