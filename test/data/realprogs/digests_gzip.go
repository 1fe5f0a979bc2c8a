// crypto/sha256, sha1, sha512, md5 and hmac hex digests, crc32/adler32/fnv checksums, gzip and zlib
// round trips with headers, flate levels, and the errors of corrupt input.
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
	"encoding/hex"
	"fmt"
	"hash/adler32"
	"hash/crc32"
	"hash/fnv"
	"io"
	"strings"
	"time"
)

func main() {
	data := []byte("The quick brown fox jumps over the lazy dog")
	fmt.Printf("%x\n", sha256.Sum256(data))
	fmt.Printf("%x\n", sha256.Sum224(data))
	fmt.Printf("%x\n", sha1.Sum(data))
	fmt.Printf("%x\n", md5.Sum(data))
	fmt.Printf("%x\n", sha512.Sum512(data))
	h := sha256.New()
	for i := 0; i < 1000; i++ {
		io.WriteString(h, "chunk")
	}
	fmt.Println(hex.EncodeToString(h.Sum(nil)), h.Size(), h.BlockSize())
	mac := hmac.New(sha256.New, []byte("secret"))
	mac.Write(data)
	sum := mac.Sum(nil)
	fmt.Println(hex.EncodeToString(sum), hmac.Equal(sum, sum), hmac.Equal(sum, sum[:5]))
	fmt.Println(crc32.ChecksumIEEE(data), crc32.Checksum(data, crc32.MakeTable(crc32.Castagnoli)), adler32.Checksum(data))
	f := fnv.New64a()
	f.Write(data)
	f32 := fnv.New32()
	f32.Write(data)
	fmt.Println(f.Sum64(), f32.Sum32())

	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Name = "fox.txt"
	zw.Comment = "a comment"
	zw.ModTime = time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	big := strings.Repeat(string(data)+"\n", 200)
	zw.Write([]byte(big))
	zw.Close()
	fmt.Println("gzip len", buf.Len(), len(big))
	zr, err := gzip.NewReader(&buf)
	fmt.Println(err, zr.Name, zr.Comment, zr.ModTime.UTC(), zr.OS)
	out, err := io.ReadAll(zr)
	fmt.Println(len(out), err, string(out) == big)
	for _, lvl := range []int{flate.NoCompression, flate.BestSpeed, flate.DefaultCompression, flate.BestCompression, flate.HuffmanOnly} {
		var b bytes.Buffer
		w, _ := flate.NewWriter(&b, lvl)
		w.Write([]byte(big))
		w.Close()
		r := flate.NewReader(&b)
		back, err := io.ReadAll(r)
		fmt.Println("level", lvl, b.Len() > 0, len(back), err)
	}
	var zb bytes.Buffer
	zlw := zlib.NewWriter(&zb)
	zlw.Write(data)
	zlw.Close()
	fmt.Printf("% x\n", zb.Bytes()[:2])
	zlr, _ := zlib.NewReader(&zb)
	zback, _ := io.ReadAll(zlr)
	fmt.Println(string(zback))
	_, err = gzip.NewReader(strings.NewReader("not gzip data"))
	fmt.Println(err)
	var cb bytes.Buffer
	cw := gzip.NewWriter(&cb)
	cw.Write(data)
	cw.Close()
	corrupt := cb.Bytes()
	corrupt[len(corrupt)-5] ^= 0xff
	cr, _ := gzip.NewReader(bytes.NewReader(corrupt))
	_, err = io.ReadAll(cr)
	fmt.Println(err)
	trunc, _ := gzip.NewReader(bytes.NewReader(cb.Bytes()[:15]))
	if trunc != nil {
		_, err = io.ReadAll(trunc)
	}
	fmt.Println(err)
	_, err = zlib.NewReader(strings.NewReader("xx"))
	fmt.Println(err)
}
