// A CLI with flag subcommands (FlagSet, ContinueOnError, custom Value, usage) that works on files it writes.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	if s == "" {
		return errors.New("empty value")
	}
	*l = append(*l, s)
	return nil
}

type level int

func (l *level) String() string { return strconv.Itoa(int(*l)) }
func (l *level) Set(s string) error {
	switch s {
	case "low":
		*l = 1
	case "high":
		*l = 3
	default:
		return fmt.Errorf("unknown level %q", s)
	}
	return nil
}

func cmdCount(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("count", flag.ContinueOnError)
	fs.SetOutput(out)
	words := fs.Bool("w", false, "count words instead of lines")
	minLen := fs.Int("min", 0, "ignore lines shorter than `N` bytes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	total := 0
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		n := 0
		for sc.Scan() {
			if len(sc.Text()) < *minLen {
				continue
			}
			if *words {
				n += len(strings.Fields(sc.Text()))
			} else {
				n++
			}
		}
		f.Close()
		fmt.Fprintf(out, "%6d %s\n", n, filepath.Base(name))
		total += n
	}
	fmt.Fprintf(out, "%6d total\n", total)
	return nil
}

func cmdGrep(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("grep", flag.ContinueOnError)
	fs.SetOutput(out)
	var pats listFlag
	var lvl level = 2
	fs.Var(&pats, "e", "pattern (repeatable)")
	fs.Var(&lvl, "level", "verbosity: low or high")
	ignore := fs.Bool("i", false, "ignore case")
	timeout := fs.Duration("timeout", time.Second, "give up after")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: grep [flags] file...\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	fmt.Fprintf(out, "patterns=%v level=%v timeout=%v nflag=%d\n", pats, lvl, *timeout, fs.NFlag())
	fs.Visit(func(f *flag.Flag) { fmt.Fprintf(out, "set: %s=%s\n", f.Name, f.Value) })
	for _, name := range fs.Args() {
		data, err := os.ReadFile(name)
		if err != nil {
			return fmt.Errorf("grep: %w", err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			for _, p := range pats {
				l, q := line, p
				if *ignore {
					l, q = strings.ToLower(l), strings.ToLower(q)
				}
				if strings.Contains(l, q) {
					fmt.Fprintf(out, "%s:%d:%s\n", filepath.Base(name), i+1, line)
					break
				}
			}
		}
	}
	return nil
}

func run(args []string, out io.Writer) int {
	cmds := map[string]func([]string, io.Writer) error{"count": cmdCount, "grep": cmdGrep}
	if len(args) == 0 {
		var names []string
		for n := range cmds {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintf(out, "usage: tool <%s> [args]\n", strings.Join(names, "|"))
		return 2
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(out, "unknown command %q\n", args[0])
		return 2
	}
	if err := c(args[1:], out); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintln(out, "error:", err)
		return 1
	}
	return 0
}

func main() {
	dir, _ := os.MkdirTemp("", "cli")
	defer os.RemoveAll(dir)
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("Hello world\nfoo bar baz\n\nx\nGoodbye World\n"), 0o644)
	os.WriteFile(b, []byte("one\ntwo three\n"), 0o644)
	for _, args := range [][]string{
		{},
		{"frob"},
		{"count", a, b},
		{"count", "-w", "-min=2", a, b},
		{"count", "-min", "x", a},
		{"count", "-nope"},
		{"count", "-h"},
		{"count", filepath.Join(dir, "missing")},
		{"grep", "-e", "world", "-i", "-e", "bar", "-level=high", a},
		{"grep", "-e", "", a},
		{"grep", "-level", "mid"},
		{"grep", "--timeout=1m30s", "-e", "two", "--", b, "-notaflag"},
		{"grep", "-help"},
		{"grep", "-timeout"},
	} {
		var sb strings.Builder
		code := run(args, &sb)
		fmt.Printf("$ tool %s\n%s[exit %d]\n", strings.ReplaceAll(strings.Join(args, " "), dir, "$DIR"), strings.ReplaceAll(sb.String(), dir, "$DIR"), code)
	}
	os.Args[0] = "tool"
	flag.CommandLine.Init("main", flag.ExitOnError)
	v := flag.Int("v", 1, "verbosity")
	flag.CommandLine.Parse([]string{"-v", "3", "rest", "-x"})
	fmt.Println(*v, flag.Args(), flag.NArg(), flag.Arg(0), flag.Arg(5) == "")
	os.Stderr = os.Stdout
	flag.CommandLine.Parse([]string{"-bogus"})
	fmt.Println("not reached")
}
