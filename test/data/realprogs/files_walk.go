// Files in os.MkdirTemp: write, append, read, rename, chmod, symlinks, WalkDir with sorted output, Glob,
// ReadDir, Stat errors, os.DirFS with fs.WalkDir, and removal.
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

func main() {
	dir, err := os.MkdirTemp("", "walkdemo-*")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	rel := func(p string) string { r, _ := filepath.Rel(dir, p); return r }
	must := func(err error) {
		if err != nil {
			fmt.Println("error:", strings.ReplaceAll(err.Error(), dir, "$DIR"))
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "a", "b", "c"), 0o755))
	must(os.MkdirAll(filepath.Join(dir, "z"), 0o700))
	must(os.WriteFile(filepath.Join(dir, "a", "one.txt"), []byte("first\nsecond\n"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "a", "b", "two.log"), []byte("log line"), 0o600))
	must(os.WriteFile(filepath.Join(dir, "root.go"), []byte("package x\n"), 0o644))
	f, err := os.OpenFile(filepath.Join(dir, "a", "one.txt"), os.O_APPEND|os.O_WRONLY, 0)
	must(err)
	fmt.Fprintf(f, "third %d\n", 3)
	f.Close()
	must(os.Rename(filepath.Join(dir, "a", "b", "two.log"), filepath.Join(dir, "a", "b", "c", "moved.log")))
	must(os.Symlink("one.txt", filepath.Join(dir, "a", "link")))
	must(os.Chmod(filepath.Join(dir, "root.go"), 0o600))
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, _ := d.Info()
		size := int64(0)
		if !d.IsDir() {
			size = info.Size()
		}
		fmt.Printf("%-20s dir=%-5v %v %d\n", rel(p), d.IsDir(), info.Mode(), size)
		if d.Name() == "z" {
			return filepath.SkipDir
		}
		return nil
	})
	must(err)
	fmt.Println("---")
	filepath.Walk(filepath.Join(dir, "a"), func(p string, info os.FileInfo, err error) error {
		fmt.Println(rel(p), info.IsDir())
		return nil
	})
	data, err := os.ReadFile(filepath.Join(dir, "a", "link"))
	fmt.Printf("%q %v\n", data, err)
	target, _ := os.Readlink(filepath.Join(dir, "a", "link"))
	fmt.Println("link ->", target)
	li, _ := os.Lstat(filepath.Join(dir, "a", "link"))
	fmt.Println(li.Mode()&fs.ModeSymlink != 0, li.Name())
	matches, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	for _, m := range matches {
		fmt.Println("glob", rel(m))
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "a"))
	for _, e := range entries {
		fmt.Println("entry", e.Name(), e.IsDir(), e.Type())
	}
	_, err = os.Stat(filepath.Join(dir, "missing"))
	fmt.Println(errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	must(err)
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op)
	_, err = os.ReadFile(dir)
	must(err)
	err = os.Remove(filepath.Join(dir, "a"))
	must(err)
	err = os.Mkdir(filepath.Join(dir, "a"), 0o755)
	fmt.Println(errors.Is(err, fs.ErrExist))
	fsys := os.DirFS(dir)
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		fmt.Println("fs:", p)
		return nil
	})
	b, err := fs.ReadFile(fsys, "a/b/c/moved.log")
	fmt.Println(string(b), err)
	_, err = fs.ReadFile(fsys, "../etc/passwd")
	fmt.Println(err)
	rf, _ := os.Open(filepath.Join(dir, "a", "one.txt"))
	br := bufio.NewReader(rf)
	for {
		line, err := br.ReadString('\n')
		if err == io.EOF {
			break
		}
		fmt.Printf("line %q\n", line)
	}
	rf.Seek(6, io.SeekStart)
	buf := make([]byte, 6)
	n, _ := io.ReadFull(rf, buf)
	fmt.Println(n, string(buf))
	st, _ := rf.Stat()
	fmt.Println(st.Size(), st.Name(), st.Mode().IsRegular())
	rf.Close()
	_, err = rf.Read(buf)
	fmt.Println(errors.Is(err, os.ErrClosed))
	tf, _ := os.CreateTemp(dir, "tmp-*.dat")
	fmt.Println(strings.HasPrefix(filepath.Base(tf.Name()), "tmp-"), filepath.Ext(tf.Name()))
	tf.Truncate(100)
	ts, _ := tf.Stat()
	fmt.Println(ts.Size())
	tf.Close()
	fmt.Println(filepath.Join("a", "../b", "./c/"), filepath.Clean("/x/../../y//z/."), filepath.Dir("/a/b/c"), filepath.Base("/a/b/"), filepath.IsAbs("x"))
	fmt.Println(filepath.Split("/usr/lib/go"))
	fmt.Println(filepath.Match("*.go", "main.go"))
	fmt.Println(filepath.Match("[", "x"))
	must(os.RemoveAll(filepath.Join(dir, "a")))
	_, err = os.Stat(filepath.Join(dir, "a"))
	fmt.Println("gone:", os.IsNotExist(err))
}
