// In-memory archives: tar.gz with headers/modes/dirs/symlinks, zip with Store and Deflate, zlib and flate.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"crypto/sha1"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

func main() {
	mod := time.Date(2022, 1, 2, 3, 4, 5, 0, time.UTC)
	var tgz bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&tgz, gzip.BestCompression)
	gz.Name = "bundle.tar"
	gz.Comment = "made by a test"
	gz.ModTime = mod
	tw := tar.NewWriter(gz)
	files := []struct {
		name, body string
		mode       int64
		typ        byte
		link       string
	}{
		{"dir/", "", 0o755, tar.TypeDir, ""},
		{"dir/readme.md", "# Title\n\nSome text.\n", 0o644, tar.TypeReg, ""},
		{"dir/run.sh", "#!/bin/sh\necho hi\n", 0o755, tar.TypeReg, ""},
		{"dir/link", "", 0o777, tar.TypeSymlink, "run.sh"},
		{"dir/big.txt", strings.Repeat("lorem ipsum dolor sit amet ", 2000), 0o600, tar.TypeReg, ""},
		{"dir/" + strings.Repeat("long", 30) + ".txt", "long name", 0o644, tar.TypeReg, ""},
	}
	for _, f := range files {
		h := &tar.Header{Name: f.name, Mode: f.mode, Typeflag: f.typ, Linkname: f.link, Size: int64(len(f.body)), ModTime: mod, Uname: "gopher", Uid: 1000}
		if err := tw.WriteHeader(h); err != nil {
			fmt.Println("header:", err)
		}
		tw.Write([]byte(f.body))
	}
	fmt.Println(tw.Close(), gz.Close())
	fmt.Println("tgz bytes > 0:", tgz.Len() > 0, tgz.Len() < 20000)
	gr, err := gzip.NewReader(bytes.NewReader(tgz.Bytes()))
	fmt.Println(err, gr.Name, gr.Comment, gr.ModTime.UTC())
	tr := tar.NewReader(gr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("next:", err)
			break
		}
		body, _ := io.ReadAll(tr)
		fmt.Printf("%-20.20s %c %v %5d %s %q %x\n", h.Name, h.Typeflag, h.FileInfo().Mode(), h.Size, h.ModTime.UTC().Format(time.RFC3339), h.Linkname, sha1.Sum(body))
	}

	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	zw.SetComment("zip comment")
	for i, name := range []string{"a.txt", "sub/b.txt", "c.bin"} {
		method := zip.Deflate
		if i == 2 {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: mod})
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Fprintf(w, "%s:%s", name, strings.Repeat("z", 100*(i+1)))
	}
	fmt.Println(zw.Close())
	zr, err := zip.NewReader(bytes.NewReader(zb.Bytes()), int64(zb.Len()))
	fmt.Println(err, zr.Comment, len(zr.File))
	var names []string
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		names = append(names, fmt.Sprintf("%s m=%d size=%d csize<size=%v crc=%08x mod=%s %s", f.Name, f.Method, f.UncompressedSize64, f.CompressedSize64 < f.UncompressedSize64, f.CRC32, f.Modified.UTC().Format("2006-01-02 15:04:05"), data[:8]))
	}
	sort.Strings(names)
	fmt.Println(strings.Join(names, "\n"))
	fsf, err := zr.Open("sub/b.txt")
	st, _ := fsf.Stat()
	fmt.Println(err, st.Name(), st.Size())
	_, err = zr.Open("nope")
	fmt.Println(err)
	_, err = zip.NewReader(bytes.NewReader([]byte("not a zip")), 9)
	fmt.Println(err)

	var zl bytes.Buffer
	w := zlib.NewWriter(&zl)
	w.Write([]byte(strings.Repeat("abc", 1000)))
	w.Close()
	fmt.Printf("zlib %d % x\n", zl.Len(), zl.Bytes()[:2])
	r, _ := zlib.NewReader(&zl)
	back, _ := io.ReadAll(r)
	fmt.Println(len(back), string(back[:6]))
	for _, lvl := range []int{flate.NoCompression, flate.BestSpeed, flate.DefaultCompression, flate.HuffmanOnly} {
		var fb bytes.Buffer
		fw, _ := flate.NewWriter(&fb, lvl)
		fw.Write([]byte(strings.Repeat("hello flate ", 500)))
		fw.Close()
		fr := flate.NewReader(&fb)
		n, err := io.Copy(io.Discard, fr)
		fmt.Println(lvl, n, err)
	}
	_, err = gzip.NewReader(strings.NewReader("plain text"))
	fmt.Println(err)
	_, err = io.ReadAll(flate.NewReader(strings.NewReader("\xff\xff\xff")))
	fmt.Println(err)
}
