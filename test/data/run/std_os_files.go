// Files, directories, environment, arguments and exit codes through package os (with syscall, io, bufio,
// strconv, strings, path/filepath), as gc runs them.
package main

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
)

func check(err error) {
	if err != nil {
		os.Stdout.WriteString("error: " + err.Error() + "\n")
		os.Exit(1)
	}
}

func main() {
	w := bufio.NewWriter(os.Stdout)
	w.WriteString("args: " + strconv.Itoa(len(os.Args)) + "\n")

	// Environment.
	check(os.Setenv("G1C_TEST_VAR", "hello=world"))
	w.WriteString("getenv: " + os.Getenv("G1C_TEST_VAR") + "\n")
	_, ok := os.LookupEnv("G1C_SURELY_UNSET_VARIABLE")
	w.WriteString("lookup unset: " + strconv.FormatBool(ok) + "\n")
	found := false
	for _, kv := range os.Environ() {
		if kv == "G1C_TEST_VAR=hello=world" {
			found = true
		}
	}
	w.WriteString("in environ: " + strconv.FormatBool(found) + "\n")
	check(os.Unsetenv("G1C_TEST_VAR"))
	w.WriteString("after unset: [" + os.Getenv("G1C_TEST_VAR") + "]\n")
	w.WriteString("expand: " + os.Expand("a-${X}-$Y", func(k string) string { return strings.ToLower(k) + "!" }) + "\n")

	// Working directory.
	wd, err := os.Getwd()
	check(err)
	w.WriteString("getwd absolute: " + strconv.FormatBool(filepath.IsAbs(wd)) + "\n")

	// Files and directories.
	dir, err := os.MkdirTemp("", "g1c-os-")
	check(err)
	defer os.RemoveAll(dir)
	p := filepath.Join(dir, "a.txt")
	check(os.WriteFile(p, []byte("line one\nline two\nline three\n"), 0o644))
	b, err := os.ReadFile(p)
	check(err)
	w.WriteString("read " + strconv.Itoa(len(b)) + " bytes: " + strconv.Quote(string(b)) + "\n")
	fi, err := os.Stat(p)
	check(err)
	w.WriteString("stat: " + fi.Name() + " " + strconv.FormatInt(fi.Size(), 10) + " " + fi.Mode().String() + " dir=" +
		strconv.FormatBool(fi.IsDir()) + "\n")

	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	check(err)
	n, err := f.WriteString("line four\n")
	check(err)
	check(f.Close())
	w.WriteString("appended " + strconv.Itoa(n) + "\n")
	if err := f.Close(); err != nil {
		w.WriteString("second close: " + err.Error()[len(err.Error())-len("file already closed"):] + "\n")
	}

	f, err = os.Open(p)
	check(err)
	sc := bufio.NewScanner(f)
	lines := 0
	for sc.Scan() {
		lines++
		w.WriteString(strconv.Itoa(lines) + ": " + sc.Text() + "\n")
	}
	check(sc.Err())
	off, err := f.Seek(5, io.SeekStart)
	check(err)
	buf := make([]byte, 3)
	_, err = io.ReadFull(f, buf)
	check(err)
	w.WriteString("seek " + strconv.FormatInt(off, 10) + ": " + string(buf) + "\n")
	f.Close()

	check(os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	check(os.MkdirAll(filepath.Join(dir, "sub", "x", "y"), 0o755))
	check(os.Rename(p, filepath.Join(dir, "sub", "b.txt")))
	check(os.WriteFile(filepath.Join(dir, "c.txt"), nil, 0o600))
	ents, err := os.ReadDir(dir)
	check(err)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name()+map[bool]string{true: "/", false: ""}[e.IsDir()])
	}
	sort.Strings(names)
	w.WriteString("readdir: " + strings.Join(names, " ") + "\n")
	var walked []string
	check(filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		rel, _ := filepath.Rel(dir, path)
		walked = append(walked, rel)
		return err
	}))
	w.WriteString("walk: " + strings.Join(walked, " ") + "\n")

	_, err = os.Stat(filepath.Join(dir, "missing"))
	w.WriteString("missing is not-exist: " + strconv.FormatBool(os.IsNotExist(err)) + "\n")
	if e, ok := err.(*os.PathError); ok {
		w.WriteString("path error op: " + e.Op + ", errno: " + strconv.Itoa(int(e.Err.(syscall.Errno))) + "\n")
	}
	check(os.Remove(filepath.Join(dir, "c.txt")))
	err = os.Remove(filepath.Join(dir, "sub"))
	w.WriteString("remove non-empty fails: " + strconv.FormatBool(err != nil) + "\n")

	// Pipes.
	r, pw, err := os.Pipe()
	check(err)
	go func() {
		pw.WriteString("through the pipe\n")
		pw.Close()
	}()
	all, err := io.ReadAll(r)
	check(err)
	w.WriteString("pipe: " + string(all))
	r.Close()

	// Standard error and the exit status (deferred calls do not run: RemoveAll is done by hand).
	os.Stderr.WriteString("to stderr\n")
	w.Flush()
	os.RemoveAll(dir)
	_, err = os.Stat(dir)
	os.Stdout.WriteString("removed: " + strconv.FormatBool(os.IsNotExist(err)) + "\n")
	os.Exit(3)
}
