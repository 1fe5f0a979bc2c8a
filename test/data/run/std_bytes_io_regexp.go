package main

// bytes, io, bufio, regexp, math/rand, hash/fnv, container/heap, text/tabwriter on rt's hooks.

import (
	"bufio"
	"bytes"
	"container/heap"
	"hash/fnv"
	"io"
	"math/rand"
	"regexp"
	"strings"
	"text/tabwriter"
)

type ints []int

func (h ints) Len() int           { return len(h) }
func (h ints) Less(i, j int) bool { return h[i] < h[j] }
func (h ints) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *ints) Push(x any)        { *h = append(*h, x.(int)) }
func (h *ints) Pop() any          { old := *h; x := old[len(old)-1]; *h = old[:len(old)-1]; return x }

func main() {
	var buf bytes.Buffer
	buf.WriteString("hello, ")
	buf.Write([]byte("world\nsecond line\n"))
	println(buf.Len(), bytes.ToUpper([]byte("abc"))[1], bytes.Equal([]byte("a"), []byte("a")), bytes.Index([]byte("chicken"), []byte("ken")))
	sc := bufio.NewScanner(strings.NewReader("one two\nthree\n"))
	sc.Split(bufio.ScanWords)
	for sc.Scan() {
		println(sc.Text())
	}
	r := bufio.NewReader(&buf)
	line, err := r.ReadString('\n')
	println(line[:len(line)-1], err == nil)
	rest, _ := io.ReadAll(r)
	println(string(rest[:6]), len(rest))
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	io.WriteString(w, "buffered")
	w.Flush()
	println(out.String())
	n, err := io.Copy(io.Discard, strings.NewReader("12345"))
	println(n, err == nil, io.EOF.Error())
	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	println(re.MatchString("bob@example.com"), re.FindStringSubmatch("x alice@corp.com y")[2], re.ReplaceAllString("a@b.com c@d.com", "$2"))
	rng := rand.New(rand.NewSource(42))
	println(rng.Intn(100), rng.Intn(100), rng.Float64() < 1)
	h := fnv.New64a()
	h.Write([]byte("g1c"))
	println(h.Sum64())
	hp := &ints{5, 2, 8}
	heap.Init(hp)
	heap.Push(hp, 1)
	println(heap.Pop(hp).(int), heap.Pop(hp).(int))
	var tb bytes.Buffer
	tw := tabwriter.NewWriter(&tb, 0, 8, 1, ' ', 0)
	io.WriteString(tw, "a\tbb\tccc\nxxxx\ty\tz\n")
	tw.Flush()
	print(tb.String())
}
