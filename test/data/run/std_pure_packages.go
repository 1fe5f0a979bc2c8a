// Standard packages that compile as they are (no assembly, no runtime coupling): unicode/utf8, unicode,
// unicode/utf16, container/list, container/ring, image/color.
package main

import (
	"container/list"
	"container/ring"
	"image/color"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界"
	println(utf8.RuneCountInString(s), utf8.ValidString(s))
	r, n := utf8.DecodeRuneInString(s[1:])
	println(r, n, utf8.RuneLen('世'))
	println(unicode.IsUpper('A'), unicode.IsLetter('世'), unicode.ToUpper('é'), unicode.IsSpace('\t'))
	println(unicode.Is(unicode.Han, '世'), unicode.In('x', unicode.Greek, unicode.Latin), unicode.SimpleFold('k'))
	u := utf16.Encode([]rune("a𝄞b"))
	println(len(u), u[1], u[2], string(utf16.Decode(u)))
	l := list.New()
	for i := 0; i < 5; i++ {
		l.PushBack(i)
	}
	l.PushFront(-1)
	l.MoveToBack(l.Front())
	for e := l.Front(); e != nil; e = e.Next() {
		print(e.Value.(int), " ")
	}
	println(l.Len())
	rg := ring.New(4)
	for i := 0; i < rg.Len(); i++ {
		rg.Value = i * i
		rg = rg.Next()
	}
	rg.Do(func(v any) { print(v.(int), " ") })
	println()
	c := color.RGBA{R: 200, G: 100, B: 50, A: 255}
	rr, gg, bb, aa := c.RGBA()
	println(rr, gg, bb, aa)
	g := color.GrayModel.Convert(c).(color.Gray)
	println(g.Y)
	var m color.Model = color.NRGBAModel
	nc := m.Convert(color.Alpha16{A: 0x8000}).(color.NRGBA)
	println(nc.R, nc.G, nc.B, nc.A)
}
