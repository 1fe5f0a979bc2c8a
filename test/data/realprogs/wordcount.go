// A word-count CLI over files it writes to a temporary directory: bufio.Scanner, maps, sort.Slice,
// text/tabwriter, and os errors for a missing file (exit 1).
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode"
)

type counts struct{ lines, words, bytes, runes int }

func count(r io.Reader, freq map[string]int) (counts, error) {
	var c counts
	br := bufio.NewReader(r)
	inWord := false
	var word strings.Builder
	for {
		ch, size, err := br.ReadRune()
		if err == io.EOF {
			break
		}
		if err != nil {
			return c, err
		}
		c.bytes += size
		c.runes++
		if ch == '\n' {
			c.lines++
		}
		if unicode.IsSpace(ch) || unicode.IsPunct(ch) {
			if inWord {
				c.words++
				freq[strings.ToLower(word.String())]++
				word.Reset()
			}
			inWord = false
		} else {
			inWord = true
			word.WriteRune(ch)
		}
	}
	if inWord {
		c.words++
		freq[strings.ToLower(word.String())]++
	}
	return c, nil
}

func main() {
	dir, err := os.MkdirTemp("", "wc")
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)
	files := map[string]string{
		"a.txt": "The quick brown fox\njumps over the lazy dog.\n",
		"b.txt": "Über straße — naïve café, the the THE.\nline two\n\nline four",
		"c.txt": "",
	}
	var names []string
	for n, body := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(body), 0o644); err != nil {
			panic(err)
		}
		names = append(names, n)
	}
	sort.Strings(names)
	names = append(names, "missing.txt")
	tw := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "lines\twords\tbytes\trunes\tfile\t")
	freq := map[string]int{}
	var total counts
	status := 0
	for _, n := range names {
		f, err := os.Open(filepath.Join(dir, n))
		if err != nil {
			fmt.Fprintln(os.Stderr, "wc:", strings.Replace(err.Error(), dir, "DIR", 1))
			status = 1
			continue
		}
		c, err := count(f, freq)
		f.Close()
		if err != nil {
			panic(err)
		}
		total.lines += c.lines
		total.words += c.words
		total.bytes += c.bytes
		total.runes += c.runes
		fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%s\t\n", c.lines, c.words, c.bytes, c.runes, n)
	}
	fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%s\t\n", total.lines, total.words, total.bytes, total.runes, "total")
	tw.Flush()
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	for k, v := range freq {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool {
		if kvs[i].v != kvs[j].v {
			return kvs[i].v > kvs[j].v
		}
		return kvs[i].k < kvs[j].k
	})
	for _, e := range kvs[:6] {
		fmt.Printf("%-8q %3d\n", e.k, e.v)
	}
	sc := bufio.NewScanner(strings.NewReader("alpha beta\ngamma\n\ndelta  epsilon"))
	sc.Split(bufio.ScanWords)
	var words []string
	for sc.Scan() {
		words = append(words, sc.Text())
	}
	fmt.Println(len(words), words, sc.Err())
	sc = bufio.NewScanner(strings.NewReader(strings.Repeat("x", 100)))
	sc.Buffer(make([]byte, 10), 20)
	for sc.Scan() {
	}
	fmt.Println("scan error:", sc.Err())
	os.Exit(status)
}
