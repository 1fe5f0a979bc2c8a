// context: WithTimeout, WithDeadline, WithValue, cancellation causes; select with time.After, tickers,
// timers stopped and reset, and a default case.
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
		return ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	err := slow(ctx, time.Second)
	fmt.Println(err, errors.Is(err, context.DeadlineExceeded), err == context.DeadlineExceeded)
	_, has := ctx.Deadline()
	fmt.Println("deadline:", has)
	ctx2, cancel2 := context.WithCancel(context.Background())
	go func() {
		time.Sleep(10 * time.Millisecond)
		cancel2()
	}()
	fmt.Println(slow(ctx2, time.Second), ctx2.Err())
	fmt.Println(slow(context.Background(), 5*time.Millisecond))
	vctx := context.WithValue(context.WithValue(context.Background(), key("user"), "ann"), key("role"), "admin")
	fmt.Println(vctx.Value(key("user")), vctx.Value(key("role")), vctx.Value(key("none")), vctx.Value("user"))
	fmt.Println(context.Background(), context.TODO())
	dctx, dcancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer dcancel()
	<-dctx.Done()
	fmt.Println("past deadline:", dctx.Err())
	parent, pcancel := context.WithCancel(context.Background())
	child, ccancel := context.WithTimeout(parent, time.Hour)
	defer ccancel()
	pcancel()
	<-child.Done()
	fmt.Println("child:", child.Err())

	ticker := time.NewTicker(5 * time.Millisecond)
	ticks := 0
	timeout := time.After(200 * time.Millisecond)
loop:
	for {
		select {
		case <-ticker.C:
			ticks++
			if ticks == 3 {
				ticker.Stop()
				break loop
			}
		case <-timeout:
			fmt.Println("timeout!")
			break loop
		}
	}
	fmt.Println("ticks", ticks)
	t := time.NewTimer(time.Hour)
	fmt.Println("stopped:", t.Stop(), t.Stop())
	t.Reset(time.Millisecond)
	<-t.C
	fmt.Println("reset fired")
	ch := make(chan int)
	select {
	case v := <-ch:
		fmt.Println(v)
	default:
		fmt.Println("nothing ready")
	}
	done := make(chan struct{})
	fired := make(chan string, 1)
	time.AfterFunc(5*time.Millisecond, func() { fired <- "afterfunc"; close(done) })
	<-done
	fmt.Println(<-fired)
	results := make(chan string, 3)
	for i, d := range []time.Duration{300, 0, 150} {
		go func(i int, d time.Duration) {
			time.Sleep(d * time.Millisecond)
			results <- fmt.Sprint("task", i)
		}(i, d)
	}
	for i := 0; i < 3; i++ {
		fmt.Println(<-results)
	}
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 20*time.Millisecond, el < 2*time.Second, time.Until(start) < 0)
	var nilch chan int
	select {
	case <-nilch:
		fmt.Println("impossible")
	case <-time.After(time.Millisecond):
		fmt.Println("nil channel never ready")
	}
}
