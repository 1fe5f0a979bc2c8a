// A worker pool: sync.WaitGroup, context cancellation and deadlines, time.After, select with timeouts,
// a results channel collected and sorted, sync.Mutex/Once, atomic counters, errgroup-like first error.
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

type job struct {
	id int
	n  int
}

type result struct {
	id  int
	sum int
	err error
}

var errOdd = errors.New("odd job failed")

func work(ctx context.Context, j job) (int, error) {
	s := 0
	for i := 1; i <= j.n; i++ {
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		default:
		}
		s += i * i
	}
	if j.id == 13 {
		return 0, fmt.Errorf("job %d: %w", j.id, errOdd)
	}
	return s, nil
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	jobs := make(chan job)
	results := make(chan result, 4)
	var wg sync.WaitGroup
	var processed int64
	var once sync.Once
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for j := range jobs {
				s, err := work(ctx, j)
				atomic.AddInt64(&processed, 1)
				once.Do(func() { fmt.Println("first job started") })
				results <- result{j.id, s, err}
			}
		}(w)
	}
	go func() {
		for i := 0; i < 20; i++ {
			jobs <- job{i, i * 100}
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	var all []result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].id < all[j].id })
	for _, r := range all {
		if r.err != nil {
			fmt.Printf("job %2d: error %v (is errOdd: %v)\n", r.id, r.err, errors.Is(r.err, errOdd))
			continue
		}
		fmt.Printf("job %2d: %d\n", r.id, r.sum)
	}
	fmt.Println("processed", atomic.LoadInt64(&processed))

	tctx, tcancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer tcancel()
	select {
	case <-tctx.Done():
		fmt.Println("timeout:", tctx.Err(), errors.Is(tctx.Err(), context.DeadlineExceeded))
	case <-time.After(5 * time.Second):
		fmt.Println("time.After fired first")
	}
	_, hasDeadline := tctx.Deadline()
	fmt.Println("deadline set:", hasDeadline)

	vctx := context.WithValue(ctx, "key", 42)
	fmt.Println(vctx.Value("key"), vctx.Value("other"))
	cctx, ccancel := context.WithCancel(vctx)
	ccancel()
	<-cctx.Done()
	fmt.Println(cctx.Err(), ctx.Err())

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
	fmt.Println("ready", ready)

	ticker := time.NewTicker(2 * time.Millisecond)
	ticks := 0
	done := time.NewTimer(50 * time.Millisecond)
loop:
	for {
		select {
		case <-ticker.C:
			ticks++
			if ticks == 5 {
				ticker.Stop()
				break loop
			}
		case <-done.C:
			break loop
		}
	}
	fmt.Println("ticks", ticks, "stopped timer:", done.Stop())

	var rw sync.RWMutex
	m := map[int]int{}
	var wg2 sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg2.Add(1)
		go func(i int) {
			defer wg2.Done()
			rw.Lock()
			m[i%10] += i
			rw.Unlock()
			rw.RLock()
			_ = m[0]
			rw.RUnlock()
		}(i)
	}
	wg2.Wait()
	fmt.Println(m)
	var pool = sync.Pool{New: func() interface{} { return new([64]byte) }}
	b := pool.Get().(*[64]byte)
	pool.Put(b)
	fmt.Println(len(b))
	var v atomic.Value
	v.Store("config-1")
	fmt.Println(v.Load(), v.CompareAndSwap("config-1", "config-2"), v.Load())
	start := time.Now()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(time.Since(start) >= 10*time.Millisecond)
	af := make(chan bool)
	time.AfterFunc(time.Millisecond, func() { af <- true })
	fmt.Println("AfterFunc", <-af)
}
