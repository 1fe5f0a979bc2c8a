// text/tabwriter aligned tables (padding, AlignRight, Debug, tabs), bufio.Writer with explicit flushes,
// io.MultiWriter, io.TeeReader, io.LimitReader, io.SectionReader and io.Pipe.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
)

type row struct {
	name  string
	qty   int
	price float64
}

func main() {
	rows := []row{{"apple", 3, 0.5}, {"watermelon", 1, 3.25}, {"fig", 12, 0.2}}
	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tQTY\tPRICE\t")
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%d\t%.2f\t\n", r.name, r.qty, r.price)
	}
	w.Flush()
	w = tabwriter.NewWriter(os.Stdout, 5, 0, 1, '.', tabwriter.AlignRight|tabwriter.Debug)
	for _, r := range rows {
		fmt.Fprintf(w, "%s\t%d\t%.2f\t\n", r.name, r.qty, r.price)
	}
	w.Flush()
	w = tabwriter.NewWriter(os.Stdout, 8, 8, 1, '\t', tabwriter.TabIndent)
	fmt.Fprintln(w, "a\tb\tc")
	fmt.Fprintln(w, "aaaaaaaaa\tbb\tc")
	fmt.Fprintln(w, "\tindented")
	w.Flush()

	bw := bufio.NewWriterSize(os.Stdout, 16)
	fmt.Fprint(bw, "buffered ")
	fmt.Println(bw.Buffered(), bw.Available())
	fmt.Fprint(bw, "then more than sixteen bytes\n")
	bw.Flush()
	var a, b bytes.Buffer
	mw := io.MultiWriter(&a, &b)
	io.WriteString(mw, "to both")
	fmt.Println(a.String(), b.String())
	var seen bytes.Buffer
	tr := io.TeeReader(strings.NewReader("tee data"), &seen)
	all, _ := io.ReadAll(tr)
	fmt.Println(string(all), seen.String())
	lr := io.LimitReader(strings.NewReader("0123456789"), 4)
	lim, _ := io.ReadAll(lr)
	fmt.Println(string(lim))
	sr := io.NewSectionReader(strings.NewReader("0123456789"), 3, 4)
	sec := make([]byte, 10)
	n, err := sr.ReadAt(sec, 1)
	fmt.Println(n, err, string(sec[:n]), sr.Size())
	pr, pw := io.Pipe()
	go func() {
		for i := 0; i < 3; i++ {
			fmt.Fprintf(pw, "msg %d\n", i)
		}
		pw.CloseWithError(io.ErrUnexpectedEOF)
	}()
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		fmt.Println("pipe:", sc.Text())
	}
	fmt.Println(sc.Err())
	mr := io.MultiReader(strings.NewReader("ab"), strings.NewReader("cd"))
	var out strings.Builder
	nn, _ := io.Copy(&out, mr)
	fmt.Println(nn, out.String())
	cb := make([]byte, 3)
	_, err = io.ReadFull(strings.NewReader("x"), cb)
	fmt.Println(err)
	_, err = io.ReadAtLeast(strings.NewReader("xyz"), cb, 5)
	fmt.Println(err)
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("line1\nline2")), bufio.NewWriter(os.Stdout))
	l, pre, err := rw.ReadLine()
	fmt.Println(string(l), pre, err)
	r, size, _ := rw.ReadRune()
	rw.UnreadRune()
	pk, _ := rw.Peek(3)
	fmt.Println(string(r), size, string(pk))
	rw.WriteString("written via ReadWriter\n")
	rw.Flush()
	fmt.Fprintf(io.Discard, "nothing")
}
