// Timers through package time: Sleep, After, AfterFunc, Ticker, Timer.Reset and Stop, durations measured on
// the monotonic clock, and 10,000 goroutines sleeping at once. The output does not depend on timing.
package main

import (
	"os"
	"strconv"
	"sync"
	"time"
)

var out []byte

func say(s string) { out = append(out, s+"\n"...) }

func main() {
	start := time.Now()
	time.Sleep(20 * time.Millisecond)
	el := time.Since(start)
	say("slept at least 20ms: " + strconv.FormatBool(el >= 20*time.Millisecond))
	time.Sleep(0)
	time.Sleep(-5)

	// Sleeps end in the order of their deadlines. The deadlines count from one instant, 50 ms apart, so
	// that a goroutine started late under load still has its turn.
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	base := time.Now()
	for _, d := range []int{30, 10, 20} {
		wg.Add(1)
		go func(d int) {
			defer wg.Done()
			time.Sleep(time.Until(base.Add(time.Duration(d) * 5 * time.Millisecond)))
			mu.Lock()
			order = append(order, d)
			mu.Unlock()
		}(d)
	}
	wg.Wait()
	say("order: " + strconv.Itoa(order[0]) + " " + strconv.Itoa(order[1]) + " " + strconv.Itoa(order[2]))

	// time.After in a select, against a channel nobody sends on.
	never := make(chan int)
	select {
	case <-never:
		say("impossible")
	case <-time.After(5 * time.Millisecond):
		say("after fired")
	}

	// AfterFunc runs its function on a goroutine of its own.
	done := make(chan string)
	time.AfterFunc(5*time.Millisecond, func() { done <- "afterfunc ran" })
	say(<-done)

	// A stopped timer never fires; Stop and Reset report whether it was pending.
	t := time.NewTimer(time.Hour)
	say("stop pending: " + strconv.FormatBool(t.Stop()))
	say("stop again: " + strconv.FormatBool(t.Stop()))
	say("reset stopped: " + strconv.FormatBool(t.Reset(5*time.Millisecond)))
	<-t.C
	say("reset timer fired")
	say("reset fired: " + strconv.FormatBool(t.Reset(time.Hour)))
	t.Stop()

	// A ticker ticks until stopped.
	tk := time.NewTicker(3 * time.Millisecond)
	for i := 0; i < 3; i++ {
		<-tk.C
	}
	tk.Reset(2 * time.Millisecond)
	<-tk.C
	tk.Stop()
	say("ticked 4 times")

	// Timer channels work with select and default.
	t2 := time.NewTimer(time.Hour)
	select {
	case <-t2.C:
		say("impossible")
	default:
		say("not yet")
	}

	// 10,000 goroutines sleeping on timers all wake.
	const n = 10000
	var woke sync.WaitGroup
	var count int
	woke.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			time.Sleep(time.Duration(i%50) * time.Millisecond)
			mu.Lock()
			count++
			mu.Unlock()
			woke.Done()
		}(i)
	}
	woke.Wait()
	say("woke: " + strconv.Itoa(count))

	// Durations and wall-clock arithmetic that do not depend on the current time.
	d := 90*time.Minute + 30*time.Second + 5*time.Millisecond
	say("duration: " + d.String() + " " + strconv.FormatFloat(d.Hours(), 'f', 4, 64))
	pd, _ := time.ParseDuration("1h2m3.5s")
	say("parsed: " + pd.String())
	u := time.Unix(1700000000, 0).UTC()
	say("unix: " + u.Format(time.RFC3339) + " " + u.Weekday().String() + " day " + strconv.Itoa(u.YearDay()))
	say("add: " + u.Add(36*time.Hour).Format("2006-01-02 15:04:05 Mon"))
	now := time.Now()
	say("now after start: " + strconv.FormatBool(!now.Before(start)) + ", year >= 2022: " +
		strconv.FormatBool(now.Year() >= 2022))
	os.Stdout.Write(out)
}
