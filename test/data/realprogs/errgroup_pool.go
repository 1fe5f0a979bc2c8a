// errgroup-like code, a worker pool with context cancellation, sync.Once/Cond/RWMutex/atomic.Value.
package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

type Group struct {
	cancel  func()
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
	sem     chan struct{}
}

func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &Group{cancel: cancel}, ctx
}

func (g *Group) SetLimit(n int) { g.sem = make(chan struct{}, n) }

func (g *Group) Go(f func() error) {
	if g.sem != nil {
		g.sem <- struct{}{}
	}
	g.wg.Add(1)
	go func() {
		defer func() {
			if g.sem != nil {
				<-g.sem
			}
			g.wg.Done()
		}()
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

type Queue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	items  []int
	closed bool
}

func NewQueue() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Put(x int) {
	q.mu.Lock()
	q.items = append(q.items, x)
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *Queue) Close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
	q.cond.Broadcast()
}

func (q *Queue) Get() (int, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.items) == 0 {
		return 0, false
	}
	x := q.items[0]
	q.items = q.items[1:]
	return x, true
}

type Config struct {
	Version int
	Name    string
}

var ErrBoom = errors.New("boom")

func main() {
	// errgroup: all succeed.
	g, ctx := WithContext(context.Background())
	results := make([]int, 10)
	for i := 0; i < 10; i++ {
		i := i
		g.Go(func() error {
			results[i] = i * i
			return nil
		})
	}
	fmt.Println(g.Wait(), results, ctx.Err())

	// errgroup: one fails, the others see cancellation.
	g, ctx = WithContext(context.Background())
	g.SetLimit(3)
	var cancelled int32
	for i := 0; i < 8; i++ {
		i := i
		g.Go(func() error {
			if i == 2 {
				return fmt.Errorf("task %d: %w", i, ErrBoom)
			}
			select {
			case <-ctx.Done():
				atomic.AddInt32(&cancelled, 1)
				return ctx.Err()
			case <-time.After(2 * time.Second):
				return nil
			}
		})
	}
	err := g.Wait()
	fmt.Println(err, errors.Is(err, ErrBoom), atomic.LoadInt32(&cancelled) > 0, ctx.Err())

	// Cond-based queue with consumers.
	q := NewQueue()
	var mu sync.Mutex
	var got []int
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				x, ok := q.Get()
				if !ok {
					return
				}
				mu.Lock()
				got = append(got, x)
				mu.Unlock()
			}
		}()
	}
	for i := 0; i < 100; i++ {
		q.Put(i)
	}
	q.Close()
	wg.Wait()
	sort.Ints(got)
	sum := 0
	for _, x := range got {
		sum += x
	}
	fmt.Println(len(got), sum, got[:5], got[95:])

	// atomic.Value config reload with RWMutex-protected stats.
	var cfg atomic.Value
	cfg.Store(Config{1, "init"})
	var rw sync.RWMutex
	stats := map[int]int{}
	var readers sync.WaitGroup
	stop := make(chan struct{})
	for r := 0; r < 3; r++ {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				c := cfg.Load().(Config)
				rw.Lock()
				stats[c.Version]++
				rw.Unlock()
				time.Sleep(time.Microsecond)
			}
		}()
	}
	for v := 2; v <= 5; v++ {
		time.Sleep(2 * time.Millisecond)
		cfg.Store(Config{v, fmt.Sprint("v", v)})
	}
	for seen := false; !seen; {
		time.Sleep(time.Millisecond)
		rw.RLock()
		seen = stats[5] > 0
		rw.RUnlock()
	}
	close(stop)
	readers.Wait()
	rw.RLock()
	fmt.Println(cfg.Load().(Config), stats[5] > 0, len(stats) <= 5)
	rw.RUnlock()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		cfg.Store("not a config")
	}()
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once", i) })
	}
	var n atomic.Int64
	var ok atomic.Bool
	var wg2 sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg2.Add(1)
		go func() { defer wg2.Done(); n.Add(2); ok.Store(true) }()
	}
	wg2.Wait()
	fmt.Println(n.Load(), ok.Load(), n.CompareAndSwap(100, 1), n.Swap(5), n.Load())
	ctx2, cancel2 := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel2()
	<-ctx2.Done()
	fmt.Println(ctx2.Err(), errors.Is(ctx2.Err(), context.DeadlineExceeded))
	ctx3 := context.WithValue(ctx2, "k", 42)
	fmt.Println(ctx3.Value("k"), ctx3.Value("z"), ctx3.Err())
}
