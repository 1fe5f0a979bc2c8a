// File operations: CreateTemp/MkdirTemp, Chmod, Rename, Symlink, Readlink, ReadDir, WalkDir on DirFS,
// fs.Glob, fs.Sub, errors on missing files, Truncate, Seek, Stat modes.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func check(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	root, err := os.MkdirTemp("", "fsops-*")
	check(err)
	defer os.RemoveAll(root)
	check(os.MkdirAll(filepath.Join(root, "a", "b", "c"), 0o755))
	check(os.WriteFile(filepath.Join(root, "a", "one.txt"), []byte("one\n"), 0o644))
	check(os.WriteFile(filepath.Join(root, "a", "b", "two.log"), []byte("two\ntwo\n"), 0o600))
	check(os.WriteFile(filepath.Join(root, "a", "b", "c", "three.txt"), []byte(strings.Repeat("3", 3000)), 0o644))
	check(os.Symlink("one.txt", filepath.Join(root, "a", "link")))
	target, err := os.Readlink(filepath.Join(root, "a", "link"))
	fmt.Println("readlink:", target, err)
	f, err := os.CreateTemp(filepath.Join(root, "a"), "tmp-*.dat")
	check(err)
	fmt.Println("temp name ok:", strings.HasPrefix(filepath.Base(f.Name()), "tmp-"), strings.HasSuffix(f.Name(), ".dat"))
	f.WriteString("hello, world")
	off, _ := f.Seek(7, io.SeekStart)
	buf := make([]byte, 5)
	n, _ := f.Read(buf)
	fmt.Println(off, n, string(buf[:n]))
	check(f.Truncate(5))
	st, _ := f.Stat()
	fmt.Println(st.Size(), st.Mode(), st.IsDir())
	f.Close()
	check(os.Rename(f.Name(), filepath.Join(root, "a", "renamed.dat")))
	check(os.Chmod(filepath.Join(root, "a", "renamed.dat"), 0o400))
	st, _ = os.Stat(filepath.Join(root, "a", "renamed.dat"))
	fmt.Println(st.Name(), st.Mode(), st.Mode().Perm(), st.Mode().IsRegular())
	lst, _ := os.Lstat(filepath.Join(root, "a", "link"))
	fmt.Println(lst.Mode()&fs.ModeSymlink != 0, lst.Mode().Type() == fs.ModeSymlink)

	entries, err := os.ReadDir(filepath.Join(root, "a"))
	check(err)
	for _, e := range entries {
		info, _ := e.Info()
		fmt.Printf("%-12s dir=%-5v type=%v perm=%v\n", e.Name(), e.IsDir(), e.Type(), info.Mode().Perm())
	}
	fsys := os.DirFS(root)
	err = fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Name() == "c" {
			fmt.Println("skip", path)
			return fs.SkipDir
		}
		fmt.Println("walk", path, d.IsDir())
		return nil
	})
	fmt.Println(err)
	var sizes []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if !d.IsDir() {
			info, _ := d.Info()
			rel, _ := filepath.Rel(root, p)
			sizes = append(sizes, fmt.Sprintf("%s:%d", rel, info.Size()))
		}
		return nil
	})
	sort.Strings(sizes)
	fmt.Println(sizes)
	matches, err := fs.Glob(fsys, "a/*.txt")
	fmt.Println(matches, err)
	matches, err = filepath.Glob(filepath.Join(root, "a", "b", "*"))
	for i := range matches {
		matches[i] = filepath.Base(matches[i])
	}
	fmt.Println(matches, err)
	sub, _ := fs.Sub(fsys, "a/b")
	data, err := fs.ReadFile(sub, "two.log")
	fmt.Printf("%q %v\n", data, err)
	_, err = fs.ReadFile(sub, "../one.txt")
	fmt.Println(err)
	_, err = os.Open(filepath.Join(root, "missing"))
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, filepath.Base(pe.Path), pe.Err, errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	err = os.Mkdir(filepath.Join(root, "a"), 0o755)
	fmt.Println(errors.Is(err, fs.ErrExist), os.IsExist(err))
	err = os.Remove(filepath.Join(root, "a"))
	fmt.Println(err != nil)
	err = os.Rename(filepath.Join(root, "nope"), filepath.Join(root, "x"))
	var le *os.LinkError
	fmt.Println(errors.As(err, &le), le.Op)
	fo, _ := os.OpenFile(filepath.Join(root, "a", "one.txt"), os.O_APPEND|os.O_WRONLY, 0)
	fo.WriteString("more\n")
	fo.Close()
	b, _ := os.ReadFile(filepath.Join(root, "a", "link"))
	fmt.Printf("%q\n", b)
	_, err = os.OpenFile(filepath.Join(root, "a", "one.txt"), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	fmt.Println(errors.Is(err, os.ErrExist))
	fmt.Println(filepath.Join("a", "../b", "./c/"), filepath.Clean("//x/../y/."), filepath.Ext("a.tar.gz"), filepath.Dir("/a/b/"), filepath.IsAbs("a"))
	fmt.Println(filepath.Split("/usr/lib/go"))
	fmt.Println(filepath.Match("*.go", "x.go"))
	fmt.Println(filepath.Match("[", "x"))
	wd, _ := os.Getwd()
	check(os.Chdir(root))
	st, err = os.Stat("a/one.txt")
	fmt.Println(st.Size(), err)
	os.Chdir(wd)
	fmt.Println(fs.ValidPath("a/b"), fs.ValidPath("/a"), fs.ValidPath("a/../b"))
}
