package main

// The hash and cipher packages whose amd64 assembly g1c replaces by selecting GOROOT's portable files
// (lib/hash/crc32, lib/crypto/*): the same digests and ciphertexts as gc's assembly.

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"strings"
)

func main() {
	for _, s := range []string{"", "abc", strings.Repeat("The quick brown fox. ", 1000)} {
		b := []byte(s)
		fmt.Printf("%08x %08x\n", crc32.ChecksumIEEE(b), crc32.Checksum(b, crc32.MakeTable(crc32.Castagnoli)))
		fmt.Printf("%x\n%x\n%x\n%x\n%x\n", md5.Sum(b), sha1.Sum(b), sha256.Sum256(b), sha256.Sum224(b), sha512.Sum512(b))
	}
	mac := hmac.New(sha256.New, []byte("key"))
	mac.Write([]byte("message"))
	fmt.Println(hex.EncodeToString(mac.Sum(nil)))
	key := []byte("0123456789abcdef0123456789abcdef")
	block, err := aes.NewCipher(key)
	if err != nil {
		panic(err)
	}
	plain := []byte(strings.Repeat("sixteen byte blk", 4))
	out := make([]byte, len(plain))
	cipher.NewCBCEncrypter(block, key[:16]).CryptBlocks(out, plain)
	fmt.Println(hex.EncodeToString(out))
	ctr := make([]byte, 37)
	cipher.NewCTR(block, key[16:]).XORKeyStream(ctr, []byte(strings.Repeat("x", 37)))
	fmt.Println(hex.EncodeToString(ctr))
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		panic(err)
	}
	sealed := gcm.Seal(nil, key[:12], []byte("attack at dawn"), []byte("hdr"))
	fmt.Println(hex.EncodeToString(sealed))
	opened, err := gcm.Open(nil, key[:12], sealed, []byte("hdr"))
	fmt.Println(string(opened), err)
}
