// //go:embed of a string, a []byte and an embed.FS with a directory, walked with fs.WalkDir.
package main

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed embed_files_data/greeting.txt
var greeting string

//go:embed embed_files_data/bytes.bin
var raw []byte

//go:embed embed_files_data
var all embed.FS

//go:embed embed_files_data/*.txt embed_files_data/sub/b.txt
var some embed.FS

// A glob in the package directory itself, matching a directory: everything below it.
//
//go:embed embed_files_d*ta/sub
var globbed embed.FS

func main() {
	fmt.Printf("%q\n", greeting)
	fmt.Printf("% x\n", raw)
	fs.WalkDir(all, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, _ := d.Info()
		fmt.Println(path, d.IsDir(), d.Type(), info.Size(), info.Mode())
		return nil
	})
	b, err := all.ReadFile("embed_files_data/sub/a.txt")
	fmt.Printf("%q %v\n", b, err)
	_, err = all.ReadFile("embed_files_data/nope")
	fmt.Println(err)
	ents, _ := some.ReadDir("embed_files_data")
	for _, e := range ents {
		fmt.Println("some:", e.Name(), e.IsDir())
	}
	sub, _ := fs.Sub(all, "embed_files_data/sub")
	matches, _ := fs.Glob(sub, "*.txt")
	fmt.Println(matches)
	data, _ := fs.ReadFile(sub, "b.txt")
	fmt.Println(strings.TrimSpace(string(data)))
	gents, err := globbed.ReadDir("embed_files_data/sub")
	for _, e := range gents {
		fmt.Println("globbed:", e.Name(), err)
	}
	f, _ := all.Open("embed_files_data/greeting.txt")
	st, _ := f.Stat()
	fmt.Println(st.Name(), st.Size(), st.IsDir(), st.ModTime().IsZero())
}
