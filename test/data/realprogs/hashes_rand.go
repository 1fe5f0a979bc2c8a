// Hashing and randomness: sha256/sha512/md5/sha1/hmac/crc32/crc64/adler32/fnv, maphash consistency,
// crypto/rand sizes, math/rand with seeds (Perm, Shuffle, Intn, NormFloat64, Zipf), subtle compare.
package main

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"hash"
	"hash/adler32"
	"hash/crc32"
	"hash/crc64"
	"hash/fnv"
	"hash/maphash"
	"io"
	mrand "math/rand"
	"strings"
)

func main() {
	msg := []byte("The quick brown fox jumps over the lazy dog")
	for _, h := range []struct {
		name string
		h    hash.Hash
	}{
		{"md5", md5.New()}, {"sha1", sha1.New()}, {"sha224", sha256.New224()}, {"sha256", sha256.New()},
		{"sha384", sha512.New384()}, {"sha512/256", sha512.New512_256()}, {"sha512", sha512.New()},
		{"crc32", crc32.NewIEEE()}, {"crc32c", crc32.New(crc32.MakeTable(crc32.Castagnoli))},
		{"crc64", crc64.New(crc64.MakeTable(crc64.ECMA))}, {"adler32", adler32.New()},
		{"fnv32a", fnv.New32a()}, {"fnv64", fnv.New64()}, {"fnv128a", fnv.New128a()},
	} {
		h.h.Write(msg[:10])
		io.WriteString(h.h, string(msg[10:]))
		fmt.Printf("%-10s %3d %3d %x\n", h.name, h.h.Size(), h.h.BlockSize(), h.h.Sum(nil))
	}
	fmt.Printf("%x\n%x\n", sha256.Sum256(nil), md5.Sum(msg))
	mac := hmac.New(sha256.New, []byte("key"))
	mac.Write(msg)
	sum := mac.Sum(nil)
	fmt.Println(hex.EncodeToString(sum))
	mac.Reset()
	mac.Write(msg)
	fmt.Println(hmac.Equal(sum, mac.Sum(nil)), subtle.ConstantTimeCompare([]byte("a"), []byte("b")), subtle.ConstantTimeByteEq(3, 3))
	fmt.Println(crc32.ChecksumIEEE(msg), crc32.Update(0, crc32.IEEETable, msg), adler32.Checksum(msg))

	seed := maphash.MakeSeed()
	var mh maphash.Hash
	mh.SetSeed(seed)
	mh.WriteString("hello")
	a := mh.Sum64()
	mh.Reset()
	mh.WriteString("hel")
	mh.WriteByte('l')
	mh.Write([]byte("o"))
	fmt.Println(a == mh.Sum64(), mh.Size(), mh.BlockSize())
	var other maphash.Hash
	other.SetSeed(seed)
	other.WriteString(strings.Repeat("x", 1000))
	mh.Reset()
	for i := 0; i < 10; i++ {
		mh.WriteString(strings.Repeat("x", 100))
	}
	fmt.Println(other.Sum64() == mh.Sum64())

	key := make([]byte, 32)
	n, err := rand.Read(key)
	fmt.Println(n, err, !allZero(key))
	p, err := rand.Prime(rand.Reader, 64)
	fmt.Println(p.BitLen(), err, p.ProbablyPrime(10))

	r := mrand.New(mrand.NewSource(42))
	fmt.Println(r.Intn(100), r.Int63(), r.Float64(), r.Perm(8), r.Int31n(10), r.Uint32(), r.ExpFloat64(), r.NormFloat64())
	s := []string{"a", "b", "c", "d", "e", "f"}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s)
	z := mrand.NewZipf(r, 1.5, 2, 100)
	var zs []uint64
	for i := 0; i < 10; i++ {
		zs = append(zs, z.Uint64())
	}
	fmt.Println(zs)
	mrand.Seed(7)
	fmt.Println(mrand.Intn(1000), mrand.Float32(), mrand.Perm(5))
	buf := make([]byte, 8)
	r.Read(buf)
	fmt.Println(buf)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		r.Intn(0)
	}()
}

func allZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}
