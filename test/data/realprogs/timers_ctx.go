// Timers, tickers, context deadlines and values, select with timeouts, Duration arithmetic and printing.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type key string

func slow(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return fmt.Errorf("slow(%v): %w", d, ctx.Err())
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := slow(ctx, 5*time.Second)
	fmt.Println(err, errors.Is(err, context.DeadlineExceeded))
	var de interface{ Timeout() bool }
	fmt.Println(errors.As(err, &de) && de.Timeout())
	_, has := ctx.Deadline()
	fmt.Println(has, ctx.Err())
	fmt.Println(slow(context.Background(), time.Millisecond))

	vctx := context.WithValue(context.WithValue(context.Background(), key("user"), "ann"), key("id"), 7)
	fmt.Println(vctx.Value(key("user")), vctx.Value(key("id")), vctx.Value(key("none")), vctx.Value("user"))
	cctx, ccancel := context.WithCancel(vctx)
	child, ccancel2 := context.WithCancel(cctx)
	defer ccancel2()
	ccancel()
	<-child.Done()
	fmt.Println(child.Err(), child.Value(key("user")))
	fmt.Println(context.Background(), context.TODO())

	t := time.NewTimer(time.Hour)
	fmt.Println(t.Stop(), t.Stop())
	t.Reset(10 * time.Millisecond)
	<-t.C
	fmt.Println("timer fired")
	tk := time.NewTicker(5 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks", n)
	done := make(chan struct{})
	time.AfterFunc(10*time.Millisecond, func() { close(done) })
	select {
	case <-done:
		fmt.Println("afterfunc ran")
	case <-time.After(5 * time.Second):
		fmt.Println("timeout")
	}
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 20*time.Millisecond, el < 5*time.Second, time.Until(start) < 0)

	ds := []time.Duration{0, 1, 999, 1000, 1500 * time.Microsecond, time.Second, 90 * time.Minute, -3 * time.Hour, 26*time.Hour + 3*time.Second + 5*time.Millisecond, 1<<63 - 1, -1 << 63}
	for _, d := range ds {
		fmt.Printf("%v|%s|%d|%.3f|%.2f|%d|%v\n", d, d, d, d.Seconds(), d.Minutes(), d.Milliseconds(), d.Round(time.Hour))
	}
	d := 3*time.Hour + 25*time.Minute + 45*time.Second + 500*time.Millisecond
	fmt.Println(d.Truncate(time.Minute), d.Round(time.Second), d.Hours(), d.Microseconds(), d.Nanoseconds(), d.Abs(), (-d).Abs())
	for _, s := range []string{"1h2m3s", "1.5h", "-2m", "300ms", "1us", "2µs", "1h1h", "bad", "", "3"} {
		p, err := time.ParseDuration(s)
		fmt.Println(p, err)
	}
	ch := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			ch <- i
			time.Sleep(time.Millisecond)
		}
		close(ch)
	}()
	timeout := time.After(5 * time.Second)
	sum := 0
loop:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break loop
			}
			sum += v
		case <-timeout:
			fmt.Println("timeout")
			break loop
		}
	}
	fmt.Println("sum", sum)
	dl, dcancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer dcancel()
	fmt.Println(dl.Err())
}
