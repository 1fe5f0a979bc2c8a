// container/heap as a priority queue, container/list as an LRU cache, container/ring, sort.Stable and
// sort.Search, strings and unicode helpers, text/tabwriter, as a scheduler tool would use them.
package main

import (
	"container/heap"
	"container/list"
	"container/ring"
	"fmt"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"
)

type task struct {
	name     string
	priority int
	index    int
}

type pq []*task

func (q pq) Len() int { return len(q) }
func (q pq) Less(i, j int) bool {
	if q[i].priority != q[j].priority {
		return q[i].priority > q[j].priority
	}
	return q[i].name < q[j].name
}
func (q pq) Swap(i, j int)       { q[i], q[j] = q[j], q[i]; q[i].index = i; q[j].index = j }
func (q *pq) Push(x interface{}) { t := x.(*task); t.index = len(*q); *q = append(*q, t) }
func (q *pq) Pop() interface{} {
	old := *q
	t := old[len(old)-1]
	*q = old[:len(old)-1]
	return t
}

type lru struct {
	cap   int
	ll    *list.List
	items map[string]*list.Element
}

type entry struct {
	k string
	v int
}

func (c *lru) get(k string) (int, bool) {
	if e, ok := c.items[k]; ok {
		c.ll.MoveToFront(e)
		return e.Value.(*entry).v, true
	}
	return 0, false
}

func (c *lru) put(k string, v int) {
	if e, ok := c.items[k]; ok {
		e.Value.(*entry).v = v
		c.ll.MoveToFront(e)
		return
	}
	c.items[k] = c.ll.PushFront(&entry{k, v})
	if c.ll.Len() > c.cap {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.items, last.Value.(*entry).k)
	}
}

func main() {
	q := &pq{}
	heap.Init(q)
	for i, n := range []string{"write", "read", "exec", "sleep", "wake", "idle"} {
		heap.Push(q, &task{name: n, priority: (i * 7) % 4})
	}
	t := (*q)[q.Len()-1]
	t.priority = 10
	heap.Fix(q, t.index)
	for q.Len() > 0 {
		t := heap.Pop(q).(*task)
		fmt.Printf("%s(%d) ", t.name, t.priority)
	}
	fmt.Println()
	c := &lru{cap: 2, ll: list.New(), items: map[string]*list.Element{}}
	c.put("a", 1)
	c.put("b", 2)
	c.get("a")
	c.put("c", 3)
	_, okb := c.get("b")
	va, oka := c.get("a")
	fmt.Println(okb, va, oka, c.ll.Len())
	for e := c.ll.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value.(*entry).k, " ")
	}
	fmt.Println()
	r := ring.New(4)
	for i := 0; i < r.Len(); i++ {
		r.Value = i * i
		r = r.Next()
	}
	r.Do(func(v interface{}) { fmt.Print(v, ",") })
	fmt.Println(r.Move(2).Value)
	people := []struct {
		Name string
		Age  int
	}{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dave", 25}, {"Eve", 35}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people)
	xs := []int{1, 3, 5, 7, 9}
	fmt.Println(sort.SearchInts(xs, 6), sort.Search(len(xs), func(i int) bool { return xs[i] >= 9 }), sort.IsSorted(sort.IntSlice(xs)))
	fs := []float64{2.5, -1, 3, 0}
	sort.Float64s(fs)
	ss := []string{"banana", "Apple", "cherry"}
	sort.Sort(sort.Reverse(sort.StringSlice(ss)))
	fmt.Println(fs, ss)
	s := "Hello, Wörld! 123 ǅ"
	fmt.Println(strings.ToUpper(s), strings.ToLower(s), strings.Title("go is fun"), strings.ToTitle("ǆ"))
	fmt.Println(strings.Fields(" a  b\tc\n"), strings.Split("a,b,,c", ","), strings.SplitN("a,b,c", ",", 2), strings.SplitAfter("a,b", ","))
	fmt.Println(strings.Repeat("ab", 3), strings.Replace("aaaa", "a", "b", 2), strings.ReplaceAll("x.y.z", ".", "/"), strings.TrimLeft("xxhixx", "x"), strings.TrimSuffix("file.go", ".go"))
	fmt.Println(strings.Index("chicken", "ken"), strings.LastIndex("go gopher", "go"), strings.IndexFunc("abc1", unicode.IsDigit), strings.ContainsAny("hello", "xyz"), strings.Count("cheese", "e"), strings.Count("five", ""))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Compare("a", "b"), strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return -1
		}
		return r + 1
	}, "aBcD"))
	rep := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(rep.Replace("<b>x</b>"), utf8.RuneCountInString(s), len(s), utf8.ValidString("\xff"), []rune("héllo")[1], string(rune(0x10FFFF+1)) == "\uFFFD")
	for _, r := range "aZ5 é\t" {
		fmt.Print(unicode.IsLetter(r), unicode.IsSpace(r), unicode.IsUpper(r), string(unicode.ToUpper(r)), " ")
	}
	fmt.Println()
	tw := tabwriter.NewWriter(os.Stdout, 4, 0, 2, '.', tabwriter.Debug)
	fmt.Fprintln(tw, "name\tage\tcity")
	fmt.Fprintln(tw, "Alexander\t30\tNew York")
	fmt.Fprintln(tw, "Bo\t5\tX")
	tw.Flush()
}
