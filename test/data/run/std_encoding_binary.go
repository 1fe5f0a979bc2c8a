package main

// encoding/binary (reflect over structs, arrays and slices) compiled from GOROOT with reflect.

import (
	"bytes"
	"encoding/binary"
)

type Header struct {
	Magic   uint32
	Version uint16
	Flags   [2]uint8
	Size    int64
	Ratio   float32
	Pad     [3]byte
}

func main() {
	var buf bytes.Buffer
	h := Header{Magic: 0xCAFEBABE, Version: 3, Flags: [2]uint8{1, 2}, Size: -5, Ratio: 0.5}
	if err := binary.Write(&buf, binary.BigEndian, &h); err != nil {
		println("err", err.Error())
	}
	println(buf.Len(), binary.Size(h))
	b := buf.Bytes()
	for _, c := range b {
		print(c, " ")
	}
	println()
	var h2 Header
	if err := binary.Read(bytes.NewReader(b), binary.BigEndian, &h2); err != nil {
		println("err", err.Error())
	}
	println(h2.Magic == h.Magic, h2.Version, h2.Flags[1], h2.Size, h2.Ratio == 0.5)
	xs := []uint16{1, 2, 0xFFFF}
	buf.Reset()
	binary.Write(&buf, binary.LittleEndian, xs)
	println(buf.Len(), buf.Bytes()[4], buf.Bytes()[5])
	ys := make([]uint16, 3)
	binary.Read(&buf, binary.LittleEndian, ys)
	println(ys[2])
	vb := binary.AppendUvarint(nil, 300)
	v, n := binary.Uvarint(vb)
	println(len(vb), v, n)
	sb := make([]byte, binary.MaxVarintLen64)
	println(binary.PutVarint(sb, -1000))
	println(binary.LittleEndian.Uint32([]byte{1, 2, 3, 4}), binary.BigEndian.String())
	var bad struct{ M map[int]int }
	println(binary.Write(&buf, binary.LittleEndian, bad).Error())
	println(binary.Size(struct{ A int }{}))
}
