// container/heap priority queue with update, Dijkstra on a small graph, and container/list/ring.
package main

import (
	"container/heap"
	"container/list"
	"container/ring"
	"fmt"
)

type Item struct {
	value    string
	priority int
	index    int
}

type PQ []*Item

func (pq PQ) Len() int { return len(pq) }
func (pq PQ) Less(i, j int) bool {
	if pq[i].priority == pq[j].priority {
		return pq[i].value < pq[j].value
	}
	return pq[i].priority > pq[j].priority
}
func (pq PQ) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}
func (pq *PQ) Push(x any) {
	it := x.(*Item)
	it.index = len(*pq)
	*pq = append(*pq, it)
}
func (pq *PQ) Pop() any {
	old := *pq
	n := len(old)
	it := old[n-1]
	old[n-1] = nil
	it.index = -1
	*pq = old[:n-1]
	return it
}
func (pq *PQ) update(it *Item, p int) {
	it.priority = p
	heap.Fix(pq, it.index)
}

type edge struct{ to, w int }

type distHeap [][2]int

func (h distHeap) Len() int            { return len(h) }
func (h distHeap) Less(i, j int) bool  { return h[i][0] < h[j][0] || h[i][0] == h[j][0] && h[i][1] < h[j][1] }
func (h distHeap) Swap(i, j int)       { h[i], h[j] = h[j], h[i] }
func (h *distHeap) Push(x any)         { *h = append(*h, x.([2]int)) }
func (h *distHeap) Pop() any           { o := *h; x := o[len(o)-1]; *h = o[:len(o)-1]; return x }

func dijkstra(g map[int][]edge, src, n int) []int {
	const inf = 1 << 60
	d := make([]int, n)
	for i := range d {
		d[i] = inf
	}
	d[src] = 0
	h := &distHeap{{0, src}}
	for h.Len() > 0 {
		top := heap.Pop(h).([2]int)
		if top[0] > d[top[1]] {
			continue
		}
		for _, e := range g[top[1]] {
			if nd := top[0] + e.w; nd < d[e.to] {
				d[e.to] = nd
				heap.Push(h, [2]int{nd, e.to})
			}
		}
	}
	return d
}

func main() {
	items := map[string]int{"banana": 3, "apple": 2, "pear": 4, "kiwi": 3}
	pq := PQ{}
	heap.Init(&pq)
	var apple *Item
	for _, name := range []string{"banana", "apple", "pear", "kiwi"} {
		it := &Item{value: name, priority: items[name]}
		if name == "apple" {
			apple = it
		}
		heap.Push(&pq, it)
	}
	pq.update(apple, 5)
	heap.Remove(&pq, pq[len(pq)-1].index)
	for pq.Len() > 0 {
		it := heap.Pop(&pq).(*Item)
		fmt.Printf("%.2d:%s ", it.priority, it.value)
	}
	fmt.Println()
	g := map[int][]edge{0: {{1, 4}, {2, 1}}, 2: {{1, 2}, {3, 7}}, 1: {{3, 1}}, 3: {{4, 3}}}
	fmt.Println(dijkstra(g, 0, 6))
	l := list.New()
	e4 := l.PushBack(4)
	e1 := l.PushFront(1)
	l.InsertBefore(3, e4)
	l.InsertAfter(2, e1)
	l.MoveToBack(e1)
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Print(e.Value, " ")
	}
	fmt.Println(l.Len())
	r := ring.New(5)
	for i := 0; i < r.Len(); i++ {
		r.Value = i * i
		r = r.Next()
	}
	r.Do(func(p any) { fmt.Print(p.(int), ",") })
	r.Unlink(2)
	fmt.Println(r.Len())
}
