// archive/zip and archive/tar round trips in memory with fixed times, listing entries sorted, plus
// encoding/pem, crypto/aes-GCM and ed25519 with fixed keys, and image/png of a generated picture hashed.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/pem"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"time"
)

func main() {
	mod := time.Date(2021, 5, 6, 7, 8, 9, 0, time.UTC)
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	for _, f := range []struct{ name, body string }{{"readme.txt", "hello zip"}, {"dir/data.csv", "a,b\n1,2\n"}, {"empty", ""}} {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: mod}
		w, _ := zw.CreateHeader(h)
		io.WriteString(w, f.body)
	}
	zw.SetComment("archive comment")
	zw.Close()
	fmt.Printf("zip %d bytes sha %x\n", zb.Len(), sha256.Sum256(zb.Bytes()))
	zr, err := zip.NewReader(bytes.NewReader(zb.Bytes()), int64(zb.Len()))
	fmt.Println(err, zr.Comment)
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		fmt.Printf("%s %d %d %q %v\n", f.Name, f.UncompressedSize64, f.Method, b, f.Modified.UTC())
	}
	_, err = zip.NewReader(bytes.NewReader([]byte("nope")), 4)
	fmt.Println(err)
	var tb bytes.Buffer
	tw := tar.NewWriter(&tb)
	for _, f := range []struct{ name, body string }{{"a.txt", "alpha"}, {"b/c.txt", "gamma!"}} {
		tw.WriteHeader(&tar.Header{Name: f.name, Mode: 0o644, Size: int64(len(f.body)), ModTime: mod, Format: tar.FormatPAX})
		io.WriteString(tw, f.body)
	}
	tw.Close()
	fmt.Printf("tar %d bytes sha %x\n", tb.Len(), sha256.Sum256(tb.Bytes()))
	tr := tar.NewReader(&tb)
	for {
		h, err := tr.Next()
		if err != nil {
			fmt.Println("end:", err)
			break
		}
		b, _ := io.ReadAll(tr)
		fmt.Println(h.Name, h.Size, h.Mode, string(b), h.ModTime.UTC())
	}
	blk := &pem.Block{Type: "TEST KEY", Headers: map[string]string{"Proc-Type": "4,ENCRYPTED"}, Bytes: bytes.Repeat([]byte{0xab}, 40)}
	enc := pem.EncodeToMemory(blk)
	fmt.Print(string(enc))
	dec, rest := pem.Decode(append(enc, "trailing"...))
	fmt.Println(dec.Type, len(dec.Bytes), string(rest))
	key := bytes.Repeat([]byte{1}, 32)
	blockc, _ := aes.NewCipher(key)
	gcm, _ := cipher.NewGCM(blockc)
	nonce := make([]byte, gcm.NonceSize())
	ct := gcm.Seal(nil, nonce, []byte("secret message"), []byte("ad"))
	fmt.Printf("%x\n", ct)
	pt, err := gcm.Open(nil, nonce, ct, []byte("ad"))
	fmt.Println(string(pt), err)
	ct[0] ^= 1
	_, err = gcm.Open(nil, nonce, ct, []byte("ad"))
	fmt.Println(err)
	_, err = aes.NewCipher([]byte("short"))
	fmt.Println(err)
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, 32))
	sig := ed25519.Sign(priv, []byte("msg"))
	fmt.Printf("%x\n%x\n", priv.Public(), sig)
	fmt.Println(ed25519.Verify(priv.Public().(ed25519.PublicKey), []byte("msg"), sig), ed25519.Verify(priv.Public().(ed25519.PublicKey), []byte("msh"), sig))
	img := image.NewRGBA(image.Rect(0, 0, 32, 16))
	for y := 0; y < 16; y++ {
		for x := 0; x < 32; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 8), uint8(y * 16), uint8(x ^ y), 255})
		}
	}
	var pb bytes.Buffer
	png.Encode(&pb, img)
	fmt.Printf("png %d bytes sha %x\n", pb.Len(), sha256.Sum256(pb.Bytes()))
	back, format, err := image.Decode(&pb)
	fmt.Println(format, err, back.Bounds(), back.At(5, 3))
	g := color.GrayModel.Convert(color.RGBA{200, 100, 50, 255})
	fmt.Println(g, color.Palette{color.Black, color.White}.Index(color.Gray{200}))
}
