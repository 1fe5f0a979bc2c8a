// encoding/gob round trips of nested structs, interfaces registered with gob.Register, maps and pointers;
// base64/base32/hex/pem/ascii85 encodings; hmac, md5, sha1, aes-gcm with fixed keys and nonces.
package main

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/ascii85"
	"encoding/base32"
	"encoding/base64"
	"encoding/gob"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"hash/adler32"
	"hash/crc64"
	"hash/fnv"
	"os"
)

type Shape interface{ Area() float64 }

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64   { return r.W * r.H }
func (c Circle) Area() float64 { return 3 * c.R * c.R }

type Drawing struct {
	Name   string
	Shapes []Shape
	Meta   map[string][]int
	Parent *Drawing
	Data   []byte
	when   int
}

func main() {
	gob.Register(Rect{})
	gob.Register(Circle{})
	d := Drawing{Name: "d1", Shapes: []Shape{Rect{2, 3}, Circle{1}}, Meta: map[string][]int{"a": {1, 2}}, Parent: &Drawing{Name: "root"}, Data: []byte{0, 255}, when: 9}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(d); err != nil {
		fmt.Println("encode:", err)
	}
	var back Drawing
	err := gob.NewDecoder(&buf).Decode(&back)
	fmt.Println(err, back.Name, back.Parent.Name, back.Meta, back.Data, back.when)
	for _, s := range back.Shapes {
		fmt.Printf("%T %v %.1f\n", s, s, s.Area())
	}
	var buf2 bytes.Buffer
	enc := gob.NewEncoder(&buf2)
	for i := 0; i < 3; i++ {
		enc.Encode(map[string]int{"i": i})
	}
	dec := gob.NewDecoder(&buf2)
	for {
		var m map[string]int
		if err := dec.Decode(&m); err != nil {
			fmt.Println("stream end:", err)
			break
		}
		fmt.Print(m["i"], " ")
	}
	var wrong struct{ Name int }
	buf.Reset()
	gob.NewEncoder(&buf).Encode(struct{ Name string }{"x"})
	fmt.Println(gob.NewDecoder(&buf).Decode(&wrong))

	msg := []byte("The quick brown fox jumps over the lazy dog")
	fmt.Println(base64.StdEncoding.EncodeToString(msg[:10]), base64.RawURLEncoding.EncodeToString([]byte{0xfb, 0xff, 0xfe}), base32.StdEncoding.EncodeToString(msg[:7]), base32.HexEncoding.WithPadding(base32.NoPadding).EncodeToString(msg[:4]))
	dst := make([]byte, ascii85.MaxEncodedLen(len(msg[:12])))
	n := ascii85.Encode(dst, msg[:12])
	fmt.Println(string(dst[:n]))
	_, err = base64.StdEncoding.DecodeString("!!!")
	fmt.Println(err)
	fmt.Println(hex.Dump(msg[:20]))
	fmt.Printf("%x\n%x\n%x\n", md5.Sum(msg), sha1.Sum(msg), sha512.Sum512_256(msg))
	mac := hmac.New(sha256.New, []byte("key"))
	mac.Write(msg)
	sum := mac.Sum(nil)
	fmt.Println(hex.EncodeToString(sum), hmac.Equal(sum, sum))
	h := fnv.New64a()
	h.Write(msg)
	h32 := fnv.New32()
	h32.Write(msg)
	fmt.Println(h.Sum64(), h32.Sum32(), adler32.Checksum(msg), crc64.Checksum(msg, crc64.MakeTable(crc64.ECMA)))
	key := []byte("0123456789abcdef")
	block, _ := aes.NewCipher(key)
	gcm, _ := cipher.NewGCM(block)
	nonce := make([]byte, gcm.NonceSize())
	sealed := gcm.Seal(nil, nonce, msg, []byte("ad"))
	fmt.Println(hex.EncodeToString(sealed))
	opened, err := gcm.Open(nil, nonce, sealed, []byte("ad"))
	fmt.Println(string(opened), err)
	sealed[0] ^= 1
	_, err = gcm.Open(nil, nonce, sealed, []byte("ad"))
	fmt.Println(err)
	ctr := cipher.NewCTR(block, make([]byte, 16))
	out := make([]byte, 8)
	ctr.XORKeyStream(out, msg[:8])
	fmt.Printf("%x\n", out)
	pem.Encode(os.Stdout, &pem.Block{Type: "TEST DATA", Headers: map[string]string{"B": "2", "A": "1"}, Bytes: msg})
	blk, rest := pem.Decode([]byte("junk\n-----BEGIN X-----\naGVsbG8=\n-----END X-----\ntail"))
	fmt.Printf("%s %q %q\n", blk.Type, blk.Bytes, rest)
}
