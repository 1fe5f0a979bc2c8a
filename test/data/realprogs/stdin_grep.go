// A grep-like CLI: flags parsed from a fixed argument list, lines read with bufio.Scanner from a reader.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	fs := flag.NewFlagSet("mygrep", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	ignore := fs.Bool("i", false, "ignore case")
	count := fs.Bool("c", false, "count only")
	num := fs.Bool("n", false, "line numbers")
	max := fs.Int("m", 0, "stop after `N` matches")
	if err := fs.Parse([]string{"-i", "-n", "-m", "3", "go", "extra"}); err != nil {
		fmt.Println("parse:", err)
		return
	}
	fmt.Println("args:", fs.Args(), "narg:", fs.NArg())
	text := "Go is fun\nrust is fun\nGOLANG rocks\nnothing here\nthe gopher\ngoing home\n"
	pat := fs.Arg(0)
	if *ignore {
		pat = strings.ToLower(pat)
	}
	sc := bufio.NewScanner(strings.NewReader(text))
	n, matches := 0, 0
	for sc.Scan() {
		n++
		line := sc.Text()
		cmp := line
		if *ignore {
			cmp = strings.ToLower(line)
		}
		if !strings.Contains(cmp, pat) {
			continue
		}
		matches++
		if !*count {
			if *num {
				fmt.Printf("%d:", n)
			}
			fmt.Println(line)
		}
		if *max > 0 && matches >= *max {
			break
		}
	}
	if *count {
		fmt.Println(matches)
	}
	// Errors of flag parsing, printed to stdout by SetOutput.
	fs2 := flag.NewFlagSet("bad", flag.ContinueOnError)
	fs2.SetOutput(os.Stdout)
	fs2.Int("k", 1, "a number")
	fmt.Println("err:", fs2.Parse([]string{"-k", "abc"}))
	fmt.Println("err:", fs2.Parse([]string{"-zz"}))
	fs2.PrintDefaults()
	fs2.VisitAll(func(f *flag.Flag) { fmt.Printf("flag %s=%s default %s\n", f.Name, f.Value, f.DefValue) })
	// Scanning words and a custom split function.
	ws := bufio.NewScanner(strings.NewReader("alpha  beta\tgamma\n\ndelta"))
	ws.Split(bufio.ScanWords)
	var words []string
	for ws.Scan() {
		words = append(words, ws.Text())
	}
	fmt.Printf("%q\n", words)
	cs := bufio.NewScanner(strings.NewReader("a,b,,c"))
	cs.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		for i, b := range data {
			if b == ',' {
				return i + 1, data[:i], nil
			}
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for cs.Scan() {
		fmt.Printf("[%s]", cs.Text())
	}
	fmt.Println()
	// A token too long for the buffer.
	ls := bufio.NewScanner(strings.NewReader(strings.Repeat("x", 100) + "\n"))
	ls.Buffer(make([]byte, 10), 20)
	for ls.Scan() {
	}
	fmt.Println("long:", ls.Err())
	// stdin is /dev/null here.
	in := bufio.NewScanner(os.Stdin)
	lines := 0
	for in.Scan() {
		lines++
	}
	fmt.Println("stdin lines:", lines, in.Err())
}
