// Hashes and HMAC over a file's contents, gzip/zlib/flate round trips with headers, base64/hex/base32 and
// encoding/binary and csv, as a backup tool would use them.
package main

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"hash/adler32"
	"hash/crc32"
	"hash/fnv"
	"io"
	"os"
	"strings"
	"time"
)

type header struct {
	Magic   [4]byte
	Version uint16
	Flags   uint16
	Size    int64
	Ratio   float32
}

func main() {
	data := []byte(strings.Repeat("The quick brown fox jumps over the lazy dog. ", 200))
	fmt.Printf("md5    %x\n", md5.Sum(data))
	fmt.Printf("sha1   %x\n", sha1.Sum(data))
	fmt.Printf("sha256 %x\n", sha256.Sum256(data))
	fmt.Printf("sha224 %X\n", sha256.Sum224([]byte("")))
	fmt.Printf("sha512 %x\n", sha512.Sum512(data[:100]))
	fmt.Printf("sha384 %x\n", sha512.Sum384(nil))
	h := sha256.New()
	io.Copy(h, bytes.NewReader(data))
	fmt.Println(hex.EncodeToString(h.Sum(nil)), h.Size(), h.BlockSize())
	mac := hmac.New(sha256.New, []byte("key"))
	mac.Write([]byte("The quick brown fox jumps over the lazy dog"))
	sum := mac.Sum(nil)
	fmt.Println(hex.EncodeToString(sum), hmac.Equal(sum, sum), hmac.Equal(sum, sum[:5]))
	fmt.Println(crc32.ChecksumIEEE(data), crc32.Checksum(data, crc32.MakeTable(crc32.Castagnoli)), adler32.Checksum(data))
	f := fnv.New64a()
	f.Write([]byte("hello"))
	f32 := fnv.New32()
	f32.Write([]byte("hello"))
	fmt.Println(f.Sum64(), f32.Sum32())

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Name = "fox.txt"
	zw.Comment = "a comment"
	zw.ModTime = time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	zw.Write(data)
	zw.Close()
	fmt.Println("gzip", len(data), "->", gz.Len(), hex.EncodeToString(gz.Bytes()[:10]))
	zr, err := gzip.NewReader(&gz)
	if err != nil {
		panic(err)
	}
	back, err := io.ReadAll(zr)
	fmt.Println(bytes.Equal(back, data), err, zr.Name, zr.Comment, zr.ModTime.UTC(), zr.OS)
	_, err = gzip.NewReader(strings.NewReader("not gzip"))
	fmt.Println(err)
	for _, lvl := range []int{flate.NoCompression, flate.BestSpeed, flate.DefaultCompression, flate.BestCompression, flate.HuffmanOnly} {
		var buf bytes.Buffer
		w, _ := flate.NewWriter(&buf, lvl)
		w.Write(data)
		w.Close()
		r := flate.NewReader(&buf)
		out, _ := io.ReadAll(r)
		fmt.Printf("flate level %d: %d bytes, ok=%v\n", lvl, buf.Len(), bytes.Equal(out, data))
	}
	var zb bytes.Buffer
	zl := zlib.NewWriter(&zb)
	zl.Write([]byte("zlib data zlib data zlib data"))
	zl.Close()
	fmt.Printf("zlib %x\n", zb.Bytes())
	zrr, _ := zlib.NewReader(&zb)
	io.Copy(os.Stdout, zrr)
	fmt.Println()
	corrupt := append([]byte{}, gz.Bytes()...)
	_, err = io.ReadAll(flate.NewReader(bytes.NewReader([]byte{0xff, 0xff, 0xff})))
	fmt.Println(err, len(corrupt))

	for _, s := range []string{"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe?>"} {
		fmt.Println(base64.StdEncoding.EncodeToString([]byte(s)), base64.URLEncoding.EncodeToString([]byte(s)), base64.RawStdEncoding.EncodeToString([]byte(s)), base32.StdEncoding.EncodeToString([]byte(s)), base32.HexEncoding.WithPadding(base32.NoPadding).EncodeToString([]byte(s)))
	}
	_, err = base64.StdEncoding.DecodeString("Zm9v!mFy")
	fmt.Println(err)
	dec, err := base64.StdEncoding.DecodeString("Zm9v\nYmFy")
	fmt.Println(string(dec), err)
	_, err = hex.DecodeString("abc")
	fmt.Println(err)
	_, err = hex.DecodeString("zz")
	fmt.Println(err)
	fmt.Print(hex.Dump([]byte("binary\x00\x01\x02 dump of some bytes!")))

	var bb bytes.Buffer
	hd := header{[4]byte{'G', '1', 'C', 0}, 3, 0x8001, -12345678901, 0.75}
	binary.Write(&bb, binary.BigEndian, hd)
	fmt.Printf("%d % x\n", binary.Size(hd), bb.Bytes())
	var hd2 header
	fmt.Println(binary.Read(bytes.NewReader(bb.Bytes()), binary.BigEndian, &hd2), hd2 == hd, hd2)
	le := make([]byte, 8)
	binary.LittleEndian.PutUint64(le, 0x0102030405060708)
	fmt.Println(le, binary.BigEndian.Uint32(le), binary.LittleEndian.Uint16(le[6:]))
	vb := make([]byte, binary.MaxVarintLen64)
	for _, v := range []int64{0, 1, -1, 63, -64, 300, -1 << 62} {
		n := binary.PutVarint(vb, v)
		back, m := binary.Varint(vb[:n])
		un := binary.PutUvarint(vb, uint64(v))
		fmt.Print(n, ":", back, ":", m, ":", un, " ")
	}
	fmt.Println()
	fmt.Println(binary.Read(bytes.NewReader([]byte{1, 2}), binary.LittleEndian, new(uint32)))

	in := "name,qty,note\n\"Widget, large\",3,\"says \"\"hi\"\"\"\nbolt,100,\n# comment,x,y\nnut,7,\"multi\nline\"\n"
	r := csv.NewReader(strings.NewReader(in))
	r.Comment = '#'
	recs, err := r.ReadAll()
	fmt.Printf("%q %v\n", recs, err)
	w := csv.NewWriter(os.Stdout)
	w.Comma = ';'
	for _, rec := range recs {
		w.Write(rec)
	}
	w.Write([]string{"a;b", " lead", "", "quote\"d"})
	w.Flush()
	fmt.Println(w.Error())
	_, err = csv.NewReader(strings.NewReader("a,b\nc\n")).ReadAll()
	fmt.Println(err)
	_, err = csv.NewReader(strings.NewReader("a,\"b\nc")).ReadAll()
	fmt.Println(err)
}
