// sort.Sort on custom types, Stable, SliceStable, Search, reverse, and multi-key ordering.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

type lessFunc func(p1, p2 *Person) bool

type multiSorter struct {
	people []Person
	less   []lessFunc
}

func (ms *multiSorter) Len() int      { return len(ms.people) }
func (ms *multiSorter) Swap(i, j int) { ms.people[i], ms.people[j] = ms.people[j], ms.people[i] }
func (ms *multiSorter) Less(i, j int) bool {
	p, q := &ms.people[i], &ms.people[j]
	for k := 0; k < len(ms.less)-1; k++ {
		switch less := ms.less[k]; {
		case less(p, q):
			return true
		case less(q, p):
			return false
		}
	}
	return ms.less[len(ms.less)-1](p, q)
}

func main() {
	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dan", 25}, {"Eve", 35}, {"Frank", 30}, {"Gina", 25}}
	p := append([]Person(nil), people...)
	sort.Stable(ByAge(p))
	fmt.Println(p)
	sort.Sort(sort.Reverse(ByAge(p)))
	fmt.Println(sort.IsSorted(sort.Reverse(ByAge(p))))
	ms := &multiSorter{people: append([]Person(nil), people...), less: []lessFunc{
		func(a, b *Person) bool { return a.Age > b.Age },
		func(a, b *Person) bool { return a.Name < b.Name },
	}}
	sort.Sort(ms)
	fmt.Println(ms.people)
	q := append([]Person(nil), people...)
	sort.SliceStable(q, func(i, j int) bool { return len(q[i].Name) < len(q[j].Name) })
	fmt.Println(q)
	ints := []int{5, 2, 8, -1, 0, 8, 3}
	sort.Ints(ints)
	fmt.Println(ints, sort.SearchInts(ints, 3), sort.SearchInts(ints, 4), sort.IntsAreSorted(ints))
	fl := []float64{2.5, -0.0, 1e10, -3}
	sort.Float64s(fl)
	fmt.Println(fl)
	words := strings.Fields("the quick brown fox jumps over the lazy dog")
	sort.Strings(words)
	fmt.Println(words, sort.SearchStrings(words, "fox"))
	i := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println(i)
	idx, found := sort.Find(len(words), func(i int) int { return strings.Compare("quick", words[i]) })
	fmt.Println(idx, found)
	sort.Sort(sort.Reverse(sort.StringSlice(words)))
	fmt.Println(words)
	big := make([]int, 500)
	for i := range big {
		big[i] = (i * 7919) % 503
	}
	sort.Ints(big)
	fmt.Println(big[:5], big[495:], sort.IntsAreSorted(big))
}
