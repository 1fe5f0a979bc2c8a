// Goroutine pipelines: generator → square → merge (fan-in) with ordered results, a bounded worker pool,
// RWMutex-protected cache, Once, atomic counters, and errgroup-style first-error cancellation.
package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
)

func gen(ctx context.Context, nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, n := range nums {
			select {
			case out <- n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			out <- n * n
		}
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	var wg sync.WaitGroup
	out := make(chan int, 10)
	wg.Add(len(cs))
	for _, c := range cs {
		go func(c <-chan int) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

type Cache struct {
	mu sync.RWMutex
	m  map[string]int
}

func (c *Cache) Get(k string) (int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.m[k]
	return v, ok
}
func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
}

type Group struct {
	wg     sync.WaitGroup
	once   sync.Once
	err    error
	cancel func()
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
			g.once.Do(func() {
				g.err = err
				g.cancel()
			})
		}
	}()
}
func (g *Group) Wait() error { g.wg.Wait(); g.cancel(); return g.err }

func main() {
	ctx := context.Background()
	in := gen(ctx, 1, 2, 3, 4, 5, 6, 7, 8)
	var results []int
	for v := range merge(sq(in), sq(in), sq(in)) {
		results = append(results, v)
	}
	sort.Ints(results)
	fmt.Println(results)

	jobs := make(chan int, 100)
	res := make(chan [2]int, 100)
	var wg sync.WaitGroup
	var processed int64
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := range jobs {
				atomic.AddInt64(&processed, 1)
				res <- [2]int{j, j * 10}
			}
		}(w)
	}
	for i := 0; i < 50; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(res)
	sum := 0
	for r := range res {
		sum += r[1]
	}
	fmt.Println("processed", atomic.LoadInt64(&processed), "sum", sum)

	c := &Cache{m: map[string]int{}}
	var cwg sync.WaitGroup
	for i := 0; i < 20; i++ {
		cwg.Add(1)
		go func(i int) {
			defer cwg.Done()
			k := fmt.Sprint("k", i%5)
			if _, ok := c.Get(k); !ok {
				c.Set(k, i%5)
			}
		}(i)
	}
	cwg.Wait()
	keys := []string{}
	for k, v := range c.m {
		keys = append(keys, fmt.Sprint(k, "=", v))
	}
	sort.Strings(keys)
	fmt.Println(keys)

	var once sync.Once
	var inits int32
	var owg sync.WaitGroup
	for i := 0; i < 10; i++ {
		owg.Add(1)
		go func() { defer owg.Done(); once.Do(func() { atomic.AddInt32(&inits, 1) }) }()
	}
	owg.Wait()
	fmt.Println("inits", inits)

	var v atomic.Value
	v.Store([]string{"cfg1"})
	fmt.Println(v.Load().([]string))
	var ai atomic.Int64
	ai.Add(5)
	ai.CompareAndSwap(5, 8)
	var ab atomic.Bool
	ab.Store(true)
	fmt.Println(ai.Load(), ab.Load(), ai.Swap(1), ai.Load())

	g, gctx := WithContext(context.Background())
	errBoom := errors.New("boom")
	for i := 0; i < 5; i++ {
		i := i
		g.Go(func() error {
			if i == 3 {
				return fmt.Errorf("task %d: %w", i, errBoom)
			}
			<-gctx.Done()
			return gctx.Err()
		})
	}
	err := g.Wait()
	fmt.Println(err, errors.Is(err, errBoom), gctx.Err())

	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := 0
	for i := 0; i < 3; i++ {
		go func() {
			mu.Lock()
			ready++
			cond.Broadcast()
			mu.Unlock()
		}()
	}
	mu.Lock()
	for ready < 3 {
		cond.Wait()
	}
	mu.Unlock()
	fmt.Println("ready", ready, mu.TryLock())
	var p sync.Pool
	p.New = func() any { return new(int) }
	ip := p.Get().(*int)
	*ip = 3
	fmt.Println(*ip)
}
