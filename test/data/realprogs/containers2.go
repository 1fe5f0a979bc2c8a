// sort.Stable with multi-key records, container/heap as a priority queue with updates, container/list
// and ring, strings.Builder, bytes.Buffer and unicode classification.
package main

import (
	"bytes"
	"container/heap"
	"container/list"
	"container/ring"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

type Employee struct {
	Name string
	Dept string
	Age  int
}

type Item struct {
	value    string
	priority int
	index    int
}
type PQ []*Item

func (pq PQ) Len() int { return len(pq) }
func (pq PQ) Less(i, j int) bool {
	if pq[i].priority != pq[j].priority {
		return pq[i].priority > pq[j].priority
	}
	return pq[i].value < pq[j].value
}
func (pq PQ) Swap(i, j int)  { pq[i], pq[j] = pq[j], pq[i]; pq[i].index = i; pq[j].index = j }
func (pq *PQ) Push(x any)    { it := x.(*Item); it.index = len(*pq); *pq = append(*pq, it) }
func (pq *PQ) Pop() any {
	old := *pq
	n := len(old)
	it := old[n-1]
	old[n-1] = nil
	*pq = old[:n-1]
	return it
}

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any          { o := *h; x := o[len(o)-1]; *h = o[:len(o)-1]; return x }

func main() {
	emps := []Employee{{"ann", "eng", 30}, {"bob", "ops", 25}, {"cat", "eng", 25}, {"dan", "ops", 30}, {"eve", "eng", 30}, {"fay", "hr", 25}}
	sort.SliceStable(emps, func(i, j int) bool { return emps[i].Age < emps[j].Age })
	fmt.Println(emps)
	sort.SliceStable(emps, func(i, j int) bool { return emps[i].Dept < emps[j].Dept })
	fmt.Println(emps)
	idx := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println(idx, sort.SearchInts([]int{1, 3, 5, 7}, 4))
	fl := []float64{2.5, -1, 3}
	sort.Float64s(fl)
	fmt.Println(fl)

	items := map[string]int{"banana": 3, "apple": 2, "pear": 4, "kiwi": 3}
	pq := PQ{}
	for _, k := range []string{"banana", "apple", "pear", "kiwi"} {
		heap.Push(&pq, &Item{value: k, priority: items[k]})
	}
	orange := &Item{value: "orange", priority: 1}
	heap.Push(&pq, orange)
	orange.priority = 5
	heap.Fix(&pq, orange.index)
	for pq.Len() > 0 {
		it := heap.Pop(&pq).(*Item)
		fmt.Printf("%d:%s ", it.priority, it.value)
	}
	fmt.Println()
	h := &IntHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 3)
	heap.Remove(h, 1)
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()

	l := list.New()
	e4 := l.PushBack(4)
	l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(5, e4)
	l.MoveToFront(e4)
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(l.Len())
	r := ring.New(4)
	for i := 0; i < 4; i++ {
		r.Value = i * i
		r = r.Next()
	}
	r.Do(func(v any) { fmt.Print(v, ",") })
	fmt.Println(r.Len())

	var sb strings.Builder
	sb.Grow(64)
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&sb, "%d-", i)
	}
	sb.WriteByte('|')
	sb.WriteRune('é')
	sb.WriteString("end")
	fmt.Println(sb.String(), sb.Len())
	var buf bytes.Buffer
	buf.WriteString("hello ")
	buf.Write([]byte("world\nsecond line\n"))
	line, _ := buf.ReadString('\n')
	fmt.Printf("%q rest=%q\n", line, buf.String())
	b3 := make([]byte, 3)
	buf.Read(b3)
	fmt.Println(string(b3), buf.Len())
	buf.Truncate(2)
	fmt.Printf("%q\n", buf.String())
	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.Compare([]byte("a"), []byte("b")), bytes.Fields([]byte(" a b ")))
	fmt.Println(bytes.Title([]byte("x y")), string(bytes.ToUpper([]byte("abc"))), bytes.Index([]byte("chicken"), []byte("ken")))

	s := "Héllo, Wörld! 123 ٣ Ⅻ\t☺"
	var up, lo, dig, num, sp, pun, sym int
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsLower(r):
			lo++
		case unicode.IsDigit(r):
			dig++
		case unicode.IsNumber(r):
			num++
		case unicode.IsSpace(r):
			sp++
		case unicode.IsPunct(r):
			pun++
		case unicode.IsSymbol(r):
			sym++
		}
	}
	fmt.Println(up, lo, dig, num, sp, pun, sym, len(s), utf8.RuneCountInString(s))
	fmt.Println(strings.ToUpper(s), strings.ToTitle("ǆ"), unicode.ToTitle('ǆ'), string(unicode.SimpleFold('K')))
	fmt.Println(unicode.Is(unicode.Han, '中'), unicode.In('é', unicode.Latin, unicode.Greek), unicode.IsLetter('_'))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}, "a1b2c3"), strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("Go", "GO"))
	fmt.Println(strings.Title("hello world"), strings.Fields(" a  b\tc\n"), strings.SplitN("a,b,c,d", ",", 2), strings.SplitAfter("a,b", ","))
	fmt.Println(strings.Cut("key=value", "="))
	fmt.Println(strings.NewReplacer("a", "1", "b", "2").Replace("abcab"), strings.Count("cheese", "e"), strings.LastIndex("go gopher", "go"))
	fmt.Println(strings.TrimFunc("123abc456", unicode.IsDigit), strings.TrimLeft("xxhixx", "x"), strings.TrimPrefix("prefix-body", "prefix-"), strings.ContainsAny("hi", "xyz"))
	bad := string([]byte{0xff, 'a', 0xc3})
	fmt.Println(utf8.ValidString(bad), []rune(bad), strings.ToValidUTF8(bad, "?"))
	for i, r := range bad {
		fmt.Print(i, ":", r, " ")
	}
	fmt.Println()
}
