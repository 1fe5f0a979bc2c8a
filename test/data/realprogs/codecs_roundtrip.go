// encoding/binary, hex, base64/base32, gob and ascii85 round trips with varints and struct layouts.
package main

import (
	"bytes"
	"encoding/ascii85"
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"math"
)

type Header struct {
	Magic   [4]byte
	Version uint16
	Flags   uint16
	Count   int32
	Scale   float32
	Pad     [3]byte
	Last    bool
}

type Shape interface{ Area() float64 }
type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64   { return r.W * r.H }
func (c Circle) Area() float64 { return math.Pi * c.R * c.R }

type Doc struct {
	Title  string
	Shapes []Shape
	Meta   map[string][]int
	Ptr    *int
	Nested struct{ A, B uint8 }
	skip   int
}

func main() {
	h := Header{[4]byte{'G', '1', 'C', 0}, 3, 0x8001, -42, 1.5, [3]byte{}, true}
	var buf bytes.Buffer
	for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		buf.Reset()
		if err := binary.Write(&buf, order, h); err != nil {
			fmt.Println(err)
		}
		fmt.Println(order, binary.Size(h), hex.EncodeToString(buf.Bytes()))
		var back Header
		fmt.Println(binary.Read(bytes.NewReader(buf.Bytes()), order, &back), back == h)
	}
	fmt.Println(binary.Write(&buf, binary.LittleEndian, struct{ S string }{"x"}))
	var short Header
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2, 3}), binary.BigEndian, &short))
	vb := make([]byte, binary.MaxVarintLen64)
	for _, v := range []int64{0, 1, -1, 63, -64, 300, math.MaxInt64, math.MinInt64} {
		n := binary.PutVarint(vb, v)
		got, m := binary.Varint(vb[:n])
		fmt.Printf("%d:%x:%d:%d ", v, vb[:n], got, m)
	}
	fmt.Println()
	un := binary.PutUvarint(vb, 1<<40+5)
	uv, err := binary.ReadUvarint(bytes.NewReader(vb[:un]))
	fmt.Println(uv, err)
	_, err = binary.ReadUvarint(bytes.NewReader([]byte{0x80, 0x80}))
	fmt.Println(err, err == io.ErrUnexpectedEOF)
	b8 := make([]byte, 8)
	binary.BigEndian.PutUint64(b8, 0x0102030405060708)
	fmt.Println(b8, binary.LittleEndian.Uint32(b8), binary.BigEndian.Uint16(b8[6:]))

	raw := []byte("g1c \x00\xff\xfe binary ✓")
	fmt.Println(hex.EncodeToString(raw))
	fmt.Print(hex.Dump(raw))
	_, err = hex.DecodeString("abc")
	fmt.Println(err)
	_, err = hex.DecodeString("zz")
	fmt.Println(err)
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		s := enc.EncodeToString(raw)
		back, err := enc.DecodeString(s)
		fmt.Println(s, bytes.Equal(back, raw), err)
	}
	_, err = base64.StdEncoding.DecodeString("abc$")
	fmt.Println(err)
	fmt.Println(base32.StdEncoding.EncodeToString(raw), base32.HexEncoding.WithPadding(base32.NoPadding).EncodeToString(raw[:7]))
	a85 := make([]byte, ascii85.MaxEncodedLen(len(raw)))
	n := ascii85.Encode(a85, raw)
	fmt.Println(string(a85[:n]))
	dec := make([]byte, len(raw)+4)
	nd, _, err := ascii85.Decode(dec, a85[:n], true)
	fmt.Println(bytes.Equal(dec[:nd], raw), err)

	gob.Register(Rect{})
	gob.Register(Circle{})
	seven := 7
	d := Doc{Title: "shapes", Shapes: []Shape{Rect{2, 3}, Circle{1}}, Meta: map[string][]int{"a": {1, 2}, "b": nil}, Ptr: &seven, skip: 9}
	d.Nested.A, d.Nested.B = 1, 2
	var gb bytes.Buffer
	enc := gob.NewEncoder(&gb)
	fmt.Println(enc.Encode(d), enc.Encode(Doc{Title: "second"}))
	gd := gob.NewDecoder(&gb)
	for i := 0; i < 3; i++ {
		var out Doc
		err := gd.Decode(&out)
		if err != nil {
			fmt.Println("decode:", err)
			break
		}
		fmt.Printf("%s %d %v %+v %v %d\n", out.Title, len(out.Shapes), out.Meta, out.Nested, out.Ptr != nil, out.skip)
		for _, s := range out.Shapes {
			fmt.Printf("  %T %.4f\n", s, s.Area())
		}
	}
	var bad struct{ Title int }
	gb.Reset()
	gob.NewEncoder(&gb).Encode(Doc{Title: "x"})
	fmt.Println(gob.NewDecoder(&gb).Decode(&bad))
	fmt.Println(gob.NewEncoder(io.Discard).Encode(make(chan int)))
}
