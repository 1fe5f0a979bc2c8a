// io plumbing: Pipe, MultiWriter, TeeReader, LimitReader, SectionReader, MultiReader, bufio Reader/Writer
// with a custom split function, and a line-numbering filter.
package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"strings"
	"unicode"
)

type upperWriter struct{ w io.Writer }

func (u upperWriter) Write(p []byte) (int, error) {
	return u.w.Write(bytes.ToUpper(p))
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

func splitCSVWords(data []byte, atEOF bool) (advance int, token []byte, err error) {
	for i, b := range data {
		if b == ',' || b == ';' {
			return i + 1, bytes.TrimSpace(data[:i]), nil
		}
	}
	if atEOF && len(data) > 0 {
		return len(data), bytes.TrimSpace(data), nil
	}
	return 0, nil, nil
}

func main() {
	pr, pw := io.Pipe()
	go func() {
		w := bufio.NewWriter(pw)
		for i := 1; i <= 5; i++ {
			fmt.Fprintf(w, "line %d: %s\n", i, strings.Repeat("ab", i))
		}
		w.Flush()
		pw.CloseWithError(errors.New("producer done"))
	}()
	var copyBuf, hashed bytes.Buffer
	h := sha256.New()
	c := crc32.NewIEEE()
	mw := io.MultiWriter(&copyBuf, h, c, upperWriter{&hashed})
	cr := &countingReader{r: pr}
	n, err := io.Copy(mw, io.TeeReader(cr, io.Discard))
	fmt.Println(n, err, cr.n)
	fmt.Println(hex.EncodeToString(h.Sum(nil)), c.Sum32())
	fmt.Print(hashed.String())

	lr := io.LimitReader(strings.NewReader("0123456789"), 4)
	b, _ := io.ReadAll(lr)
	fmt.Printf("%s\n", b)
	sr := io.NewSectionReader(strings.NewReader("0123456789"), 3, 5)
	buf := make([]byte, 3)
	k, err := sr.ReadAt(buf, 3)
	fmt.Println(k, err, string(buf[:k]), sr.Size())
	all, _ := io.ReadAll(io.MultiReader(strings.NewReader("a,b;"), strings.NewReader(" c , d"), strings.NewReader(",e")))
	sc := bufio.NewScanner(bytes.NewReader(all))
	sc.Split(splitCSVWords)
	var toks []string
	for sc.Scan() {
		toks = append(toks, fmt.Sprintf("%q", sc.Text()))
	}
	fmt.Println(toks, sc.Err())

	sc = bufio.NewScanner(strings.NewReader("The quick  brown\tfox\njumps over the lazy dog. Über naïve"))
	sc.Split(bufio.ScanWords)
	words := 0
	for sc.Scan() {
		words++
	}
	sc2 := bufio.NewScanner(strings.NewReader("héllo"))
	sc2.Split(bufio.ScanRunes)
	var runes []string
	for sc2.Scan() {
		runes = append(runes, sc2.Text())
	}
	fmt.Println(words, runes)
	long := strings.Repeat("x", 100) + "\nshort\n"
	sc3 := bufio.NewScanner(strings.NewReader(long))
	sc3.Buffer(make([]byte, 10), 50)
	for sc3.Scan() {
		fmt.Println("tok", sc3.Text())
	}
	fmt.Println("err:", sc3.Err(), errors.Is(sc3.Err(), bufio.ErrTooLong))

	br := bufio.NewReaderSize(strings.NewReader("alpha beta\ngamma"), 16)
	s1, err := br.ReadString(' ')
	fmt.Printf("%q %v\n", s1, err)
	r, size, _ := br.ReadRune()
	br.UnreadRune()
	peek, _ := br.Peek(3)
	fmt.Printf("%c %d %q %d\n", r, size, peek, br.Buffered())
	line, prefix, err := br.ReadLine()
	fmt.Printf("%q %v %v\n", line, prefix, err)
	rest, err := br.ReadString('\n')
	fmt.Printf("%q %v\n", rest, err)
	bw := bufio.NewWriterSize(os.Stdout, 8)
	fmt.Fprintf(bw, "%d bytes avail, ", bw.Available())
	bw.WriteRune('✓')
	bw.WriteByte('\n')
	bw.Flush()
	var sb strings.Builder
	for i, f := range strings.FieldsFunc("a1b22c333;d", unicode.IsDigit) {
		fmt.Fprintf(&sb, "%d=%s ", i, f)
	}
	fmt.Println(sb.String(), sb.Len())
	_, err = io.ReadFull(strings.NewReader("ab"), make([]byte, 4))
	fmt.Println(err, errors.Is(err, io.ErrUnexpectedEOF))
	_, err = io.ReadAtLeast(strings.NewReader(""), make([]byte, 4), 2)
	fmt.Println(err)
	var w bytes.Buffer
	nn, _ := io.CopyN(&w, strings.NewReader("abcdef"), 4)
	fmt.Println(nn, w.String())
	ws, _ := io.WriteString(&w, "!")
	fmt.Println(ws, w.String(), w.Len(), w.Cap() >= 5)
}
