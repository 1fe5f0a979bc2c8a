// A worker pool, an errgroup-style pipeline with first-error cancellation, sync.Once/Cond/RWMutex,
// atomics, and deterministic output through ordered collection.
package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type Group struct {
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
	cancel  func()
}

func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &Group{cancel: cancel}, ctx
}

func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.errOnce.Do(func() {
				g.err = err
				if g.cancel != nil {
					g.cancel()
				}
			})
		}
	}()
}

func (g *Group) Wait() error {
	g.wg.Wait()
	if g.cancel != nil {
		g.cancel()
	}
	return g.err
}

type result struct {
	id  int
	out string
}

func main() {
	jobs := make(chan int)
	results := make(chan result)
	var wg sync.WaitGroup
	var processed int64
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for j := range jobs {
				atomic.AddInt64(&processed, 1)
				results <- result{j, strings.Repeat("*", j%5)}
			}
		}(w)
	}
	go func() {
		for i := 0; i < 20; i++ {
			jobs <- i
		}
		close(jobs)
	}()
	go func() { wg.Wait(); close(results) }()
	var all []result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].id < all[j].id })
	for _, r := range all[:6] {
		fmt.Printf("%d:%s ", r.id, r.out)
	}
	fmt.Println(len(all), atomic.LoadInt64(&processed))

	g, ctx := WithContext(context.Background())
	var started int32
	for i := 0; i < 5; i++ {
		i := i
		g.Go(func() error {
			atomic.AddInt32(&started, 1)
			if i == 2 {
				return fmt.Errorf("task %d failed", i)
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(5 * time.Second):
				return nil
			}
		})
	}
	err := g.Wait()
	fmt.Println(err, ctx.Err(), errors.Is(ctx.Err(), context.Canceled), atomic.LoadInt32(&started))

	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := 0
	var order []int
	var wg2 sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg2.Add(1)
		go func(i int) {
			defer wg2.Done()
			mu.Lock()
			for ready == 0 {
				cond.Wait()
			}
			order = append(order, i)
			mu.Unlock()
		}(i)
	}
	time.Sleep(20 * time.Millisecond)
	mu.Lock()
	ready = 1
	cond.Broadcast()
	mu.Unlock()
	wg2.Wait()
	sort.Ints(order)
	fmt.Println(order)

	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once", i) })
	}
	var rw sync.RWMutex
	m := map[string]int{}
	var wg3 sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg3.Add(2)
		go func(i int) {
			defer wg3.Done()
			rw.Lock()
			m[fmt.Sprint(i%7)]++
			rw.Unlock()
		}(i)
		go func() {
			defer wg3.Done()
			rw.RLock()
			_ = m["0"]
			rw.RUnlock()
		}()
	}
	wg3.Wait()
	fmt.Println(m)
	var v atomic.Value
	v.Store([]string{"a"})
	fmt.Println(v.Load(), v.CompareAndSwap([]string(nil), []string{"b"}) == false)
	var ai atomic.Int64
	ai.Add(5)
	ai.CompareAndSwap(5, 9)
	var ab atomic.Bool
	ab.Store(true)
	fmt.Println(ai.Load(), ab.Load(), ai.Swap(1), ai.Load())
	var pool = sync.Pool{New: func() any { return new(strings.Builder) }}
	sb := pool.Get().(*strings.Builder)
	sb.WriteString("pooled")
	fmt.Println(sb.String())
	var sm sync.Map
	sm.Store("b", 2)
	sm.Store("a", 1)
	act, loaded := sm.LoadOrStore("a", 10)
	fmt.Println(act, loaded)
	sm.Delete("b")
	cnt := 0
	sm.Range(func(k, v any) bool { cnt++; return true })
	val, ok := sm.LoadAndDelete("a")
	fmt.Println(cnt, val, ok)
}
