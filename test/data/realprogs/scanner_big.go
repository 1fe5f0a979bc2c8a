// bufio.Scanner on large generated input: long lines past the default buffer, custom split functions,
// ScanRunes/ScanWords, Reader.ReadString/ReadLine/Peek, Writer sizes.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

func commaSplit(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, ','); i >= 0 {
		return i + 1, bytes.TrimSpace(data[:i]), nil
	}
	if atEOF && len(data) > 0 {
		return len(data), bytes.TrimSpace(data), nil
	}
	return 0, nil, nil
}

var errStop = errors.New("stop token")

func main() {
	var sb strings.Builder
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&sb, "line %05d %s\n", i, strings.Repeat("x", i%50))
	}
	sb.WriteString(strings.Repeat("L", 100000) + "\n")
	sb.WriteString("last line without newline")
	input := sb.String()

	sc := bufio.NewScanner(strings.NewReader(input))
	n, total := 0, 0
	for sc.Scan() {
		n++
		total += len(sc.Bytes())
	}
	fmt.Println(n, total, sc.Err())

	sc = bufio.NewScanner(strings.NewReader(input))
	sc.Buffer(make([]byte, 100), 200000)
	n, longest, last := 0, 0, ""
	for sc.Scan() {
		n++
		if len(sc.Text()) > longest {
			longest = len(sc.Text())
		}
		last = sc.Text()
	}
	fmt.Println(n, longest, last, sc.Err())

	sc = bufio.NewScanner(strings.NewReader(input))
	sc.Split(bufio.ScanWords)
	words := 0
	for sc.Scan() {
		words++
	}
	fmt.Println("words", words)
	sc = bufio.NewScanner(strings.NewReader("héllo, wörld"))
	sc.Split(bufio.ScanRunes)
	var runes []string
	for sc.Scan() {
		runes = append(runes, sc.Text())
	}
	fmt.Printf("%q\n", runes)
	sc = bufio.NewScanner(strings.NewReader("a, b,c ,, d,STOP,e"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		adv, tok, err := commaSplit(data, atEOF)
		if string(tok) == "STOP" {
			return 0, nil, errStop
		}
		return adv, tok, err
	})
	for sc.Scan() {
		fmt.Printf("[%s]", sc.Text())
	}
	fmt.Println(sc.Err())
	sc = bufio.NewScanner(strings.NewReader("a\r\nb\r\n\r\nc"))
	for sc.Scan() {
		fmt.Printf("%q ", sc.Text())
	}
	fmt.Println()

	br := bufio.NewReaderSize(strings.NewReader(input), 16)
	peek, err := br.Peek(10)
	fmt.Printf("%q %v %d\n", peek, err, br.Buffered())
	_, err = br.Peek(100)
	fmt.Println(err)
	line, isPrefix, err := br.ReadLine()
	fmt.Printf("%q %v %v\n", line, isPrefix, err)
	s, err := br.ReadString('\n')
	fmt.Printf("%q %v\n", s, err)
	r, size, _ := br.ReadRune()
	br.UnreadRune()
	b, _ := br.ReadByte()
	fmt.Println(r, size, b, br.UnreadByte(), br.UnreadByte())
	nread, err := io.Copy(io.Discard, br)
	fmt.Println(nread, err)
	var out bytes.Buffer
	bw := bufio.NewWriterSize(&out, 32)
	for i := 0; i < 10; i++ {
		bw.WriteString("0123456789")
		fmt.Print(bw.Buffered(), "/", out.Len(), " ")
	}
	fmt.Println(bw.Available(), bw.Size())
	bw.Flush()
	fmt.Println(out.Len())
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("in\n")), bufio.NewWriter(&out))
	l, _ := rw.ReadString('\n')
	rw.WriteString(l)
	rw.Flush()
	fmt.Println(out.Len(), strings.HasSuffix(out.String(), "in\n"))
	sc = bufio.NewScanner(strings.NewReader(strings.Repeat("y", 70000)))
	for sc.Scan() {
	}
	fmt.Println(sc.Err())
}
