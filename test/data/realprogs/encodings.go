// gob, base64 (std, URL, raw), hex dumps, binary.Read/Write with both byte orders, varints, base32.
package main

import (
	"bytes"
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"fmt"
)

type Header struct {
	Magic   [4]byte
	Version uint16
	Flags   uint16
	Size    int32
	Ratio   float32
}

type Shape interface{ Area() float64 }
type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

type Doc struct {
	Title  string
	Pages  []int
	Meta   map[string]string
	Shape  Shape
	Nested struct{ A, B int }
	skip   int
}

func main() {
	gob.Register(Rect{})
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	in := Doc{Title: "report", Pages: []int{1, 2, 3}, Meta: map[string]string{"k": "v"}, Shape: Rect{2, 3}}
	in.Nested.A = 5
	if err := enc.Encode(in); err != nil {
		fmt.Println("encode:", err)
	}
	enc.Encode(Doc{Title: "second"})
	dec := gob.NewDecoder(&buf)
	for i := 0; i < 3; i++ {
		var out Doc
		err := dec.Decode(&out)
		if err != nil {
			fmt.Println("decode:", err)
			break
		}
		fmt.Printf("%s %v %v %v %d\n", out.Title, out.Pages, out.Meta, out.Shape, out.Nested.A)
	}
	var x int
	fmt.Println(gob.NewDecoder(bytes.NewReader([]byte{1, 2, 3})).Decode(&x))

	data := []byte("hello, world? <>~")
	fmt.Println(base64.StdEncoding.EncodeToString(data))
	fmt.Println(base64.URLEncoding.EncodeToString(data))
	fmt.Println(base64.RawStdEncoding.EncodeToString(data))
	dec64, err := base64.StdEncoding.DecodeString("aGVsbG8=")
	fmt.Println(string(dec64), err)
	_, err = base64.StdEncoding.DecodeString("aGVsbG8")
	fmt.Println(err)
	_, err = base64.StdEncoding.DecodeString("a$==")
	fmt.Println(err)
	fmt.Println(base32.StdEncoding.EncodeToString(data))
	fmt.Println(hex.EncodeToString(data))
	fmt.Print(hex.Dump(data))
	_, err = hex.DecodeString("abc")
	fmt.Println(err)
	_, err = hex.DecodeString("zz")
	fmt.Println(err)

	h := Header{Magic: [4]byte{'G', 'O', 'B', 'N'}, Version: 2, Flags: 0x8001, Size: -5, Ratio: 1.5}
	var bb bytes.Buffer
	binary.Write(&bb, binary.LittleEndian, h)
	fmt.Printf("% x\n", bb.Bytes())
	var h2 Header
	binary.Read(bytes.NewReader(bb.Bytes()), binary.LittleEndian, &h2)
	fmt.Printf("%+v\n", h2)
	bb.Reset()
	binary.Write(&bb, binary.BigEndian, []uint32{1, 0xdeadbeef})
	fmt.Printf("% x size=%d\n", bb.Bytes(), binary.Size(h))
	err = binary.Read(bytes.NewReader([]byte{1, 2}), binary.BigEndian, &h2)
	fmt.Println(err)
	vb := make([]byte, binary.MaxVarintLen64)
	for _, v := range []int64{0, 1, -1, 300, -300, 1 << 40} {
		n := binary.PutVarint(vb, v)
		got, m := binary.Varint(vb[:n])
		fmt.Printf("%d -> % x -> %d (%d)\n", v, vb[:n], got, m)
	}
	u := binary.AppendUvarint(nil, 1<<63)
	fmt.Printf("% x\n", u)
	fmt.Println(binary.BigEndian.Uint16([]byte{1, 2}), binary.LittleEndian.Uint64([]byte{1, 0, 0, 0, 0, 0, 0, 0x80}))
}
