// File handling: create, append, seek, read at offsets, rename, stat modes, directories walked with
// filepath.WalkDir, glob, symlinks, permissions errors, temp files, os.ReadDir sorted output.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func check(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	root, err := os.MkdirTemp("", "files-demo-")
	check(err)
	defer os.RemoveAll(root)
	rel := func(p string) string { return strings.Replace(p, root, "ROOT", 1) }
	check(os.MkdirAll(filepath.Join(root, "a/b/c"), 0o755))
	f, err := os.Create(filepath.Join(root, "a/log.txt"))
	check(err)
	w := bufio.NewWriter(f)
	for i := 0; i < 5; i++ {
		fmt.Fprintf(w, "line %d\n", i)
	}
	check(w.Flush())
	check(f.Close())
	f, err = os.OpenFile(filepath.Join(root, "a/log.txt"), os.O_APPEND|os.O_WRONLY, 0)
	check(err)
	n, err := f.WriteString("appended\n")
	fmt.Println(n, err)
	f.Close()
	f, err = os.Open(filepath.Join(root, "a/log.txt"))
	check(err)
	buf := make([]byte, 6)
	n, err = f.ReadAt(buf, 7)
	fmt.Printf("%d %q %v\n", n, buf, err)
	off, err := f.Seek(-9, io.SeekEnd)
	rest, _ := io.ReadAll(f)
	fmt.Printf("%d %v %q\n", off, err, rest)
	n, err = f.Read(buf)
	fmt.Println(n, err, err == io.EOF)
	_, err = f.Write([]byte("x"))
	fmt.Println(rel(err.Error()))
	st, _ := f.Stat()
	fmt.Println(st.Name(), st.Size(), st.Mode(), st.IsDir(), st.Mode().IsRegular())
	f.Close()
	fmt.Println(rel(f.Close().Error()))
	check(os.WriteFile(filepath.Join(root, "a/b/data.bin"), []byte{0, 1, 2}, 0o600))
	check(os.WriteFile(filepath.Join(root, "a/b/c/deep.txt"), []byte("deep"), 0o640))
	check(os.Symlink("b/data.bin", filepath.Join(root, "a/link")))
	check(os.Rename(filepath.Join(root, "a/b/data.bin"), filepath.Join(root, "a/b/renamed.bin")))
	check(os.Chmod(filepath.Join(root, "a/b/c/deep.txt"), 0o444))
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			fmt.Println("walk error:", rel(err.Error()))
			return nil
		}
		info, _ := d.Info()
		mode := info.Mode()
		if mode&fs.ModeSymlink != 0 {
			fmt.Println(rel(p), "symlink", mode.Type())
			return nil
		}
		fmt.Println(rel(p), d.IsDir(), mode.Perm(), mode)
		return nil
	})
	target, err := os.Readlink(filepath.Join(root, "a/link"))
	fmt.Println(target, err)
	_, err = os.Stat(filepath.Join(root, "a/link"))
	fmt.Println(rel(fmt.Sprint(err)), errors.Is(err, fs.ErrNotExist))
	li, _ := os.Lstat(filepath.Join(root, "a/link"))
	fmt.Println(li.Mode()&fs.ModeSymlink != 0)
	matches, _ := filepath.Glob(filepath.Join(root, "a/*/*.bin"))
	for _, m := range matches {
		fmt.Println("glob", rel(m))
	}
	entries, err := os.ReadDir(filepath.Join(root, "a"))
	for _, e := range entries {
		fmt.Println("entry", e.Name(), e.IsDir(), e.Type())
	}
	err = os.Remove(filepath.Join(root, "a"))
	fmt.Println(rel(err.Error()))
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op)
	_, err = os.ReadFile(filepath.Join(root, "none"))
	fmt.Println(rel(err.Error()), os.IsNotExist(err))
	err = os.Mkdir(filepath.Join(root, "a"), 0o755)
	fmt.Println(rel(err.Error()), os.IsExist(err), errors.Is(err, fs.ErrExist))
	tf, _ := os.CreateTemp(root, "tmp-*.txt")
	fmt.Println(strings.HasPrefix(filepath.Base(tf.Name()), "tmp-"), strings.HasSuffix(tf.Name(), ".txt"))
	tf.Close()
	fsys := os.DirFS(root)
	data, err := fs.ReadFile(fsys, "a/b/c/deep.txt")
	fmt.Println(string(data), err)
	globbed, _ := fs.Glob(fsys, "a/b/*")
	fmt.Println(globbed)
	fmt.Println(filepath.Join("a", "..", "b", "./c/"), filepath.Clean("/../x//y/./"), filepath.Ext("x.tar.gz"), filepath.Dir("/a/b/c"))
	r, _ := filepath.Rel("/a/b", "/a/c/d")
	fmt.Println(r, filepath.IsAbs("x"), filepath.SplitList("/bin:/usr/bin"))
	dir, file := filepath.Split("/usr/lib/go/bin")
	fmt.Println(dir, file, filepath.Base(""), filepath.Base("/"))
	os.Chmod(filepath.Join(root, "a/b/c/deep.txt"), 0o644)
	wd, _ := os.Getwd()
	check(os.Chdir(filepath.Join(root, "a/b")))
	wd2, _ := os.Getwd()
	fmt.Println(rel(wd2))
	os.Chdir(wd)
	h, _ := os.Hostname()
	fmt.Println(h != "", os.Getpagesize(), os.PathSeparator, os.DevNull)
}
