// Time formatting and parsing with zones, durations, rounding, Ticker and Timer.Reset.
package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	os.Setenv("TZ", "UTC")
	utc, err := time.LoadLocation("UTC")
	fmt.Println(utc, err)
	_, err = time.LoadLocation("Nowhere/Special")
	fmt.Println(err != nil)
	loc, err := time.LoadLocation("")
	fmt.Println(loc, err)
	ist := time.FixedZone("IST", 5*3600+1800)
	nst := time.FixedZone("", -(3*3600 + 30*60))
	t := time.Date(2024, time.February, 29, 23, 59, 59, 999999999, ist)
	layouts := []string{time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMicro,
		"2006-01-02T15:04:05.000Z07:00", "Mon Jan _2 3:4:5 pm 06", "02/01/2006 -0700 -07 Z0700 Z07", ".999 .000000 ,999999999", "__2 002 Monday January"}
	for _, l := range layouts {
		fmt.Printf("%-40q %s | %s\n", l, t.Format(l), t.In(nst).Format(l))
	}
	fmt.Println(t, t.UTC(), t.In(nst))
	fmt.Println(t.Unix(), t.UnixMilli(), t.YearDay(), t.Weekday())
	y, w := t.ISOWeek()
	fmt.Println(y, w)
	for _, s := range []string{"2024-02-29T23:59:59+05:30", "2024-02-30T00:00:00Z", "2023-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T10:00:00.123456789-08:00", "bad"} {
		p, err := time.Parse(time.RFC3339, s)
		fmt.Println(p, err)
	}
	p, err := time.ParseInLocation("2006-01-02 15:04", "2021-07-04 09:30", ist)
	fmt.Println(p, err, p.Location())
	p, err = time.Parse("Jan 2 2006 3:04PM MST", "Mar 9 2022 4:05PM PST")
	fmt.Println(p, err)
	name, off := p.Zone()
	fmt.Println(name, off)
	for _, d := range []string{"1h2m3.5s", "-1.5h", "300ms", "1us", "2µs", "3ns", "1d", "", "1.h", ".5m"} {
		dd, err := time.ParseDuration(d)
		fmt.Println(dd, err)
	}
	d := 90*time.Minute + 30*time.Second + 123456789
	fmt.Println(d, d.Hours(), d.Minutes(), d.Round(time.Second), d.Truncate(time.Minute), d.Round(time.Hour), time.Duration(1<<63-1), time.Duration(-1<<63))
	fmt.Printf("%v %d %s %.2f\n", d, d, time.Duration(0), d.Seconds())
	base := time.Date(2020, 1, 31, 12, 0, 0, 0, time.UTC)
	fmt.Println(base.AddDate(0, 1, 0), base.AddDate(0, 0, -31), base.Add(-time.Hour*24*366))
	fmt.Println(base.Truncate(24*time.Hour), base.Round(time.Hour), base.Sub(t), t.Sub(base).Round(time.Minute))
	fmt.Println(base.Before(t), base.After(t), base.Equal(base.In(ist)), base == base.In(ist), base.IsZero(), time.Time{}.IsZero())
	fmt.Println(time.Time{}, time.Unix(0, 0).UTC(), time.UnixMilli(1700000000123).UTC())
	b, _ := base.In(ist).MarshalJSON()
	fmt.Println(string(b))
	var back time.Time
	fmt.Println(back.UnmarshalJSON(b), back, back.Equal(base))
	txt, _ := t.MarshalText()
	fmt.Println(string(txt))
	local := time.Date(2022, 6, 1, 0, 0, 0, 0, time.Local)
	fmt.Println(local, local.Location())

	ticker := time.NewTicker(3 * time.Millisecond)
	n := 0
	for range ticker.C {
		n++
		if n == 3 {
			ticker.Reset(time.Millisecond)
		}
		if n == 6 {
			ticker.Stop()
			break
		}
	}
	fmt.Println("ticks", n)
	timer := time.NewTimer(time.Hour)
	fmt.Println(timer.Stop(), timer.Reset(2*time.Millisecond))
	<-timer.C
	fmt.Println("timer fired", timer.Stop())
	done := make(chan string, 1)
	af := time.AfterFunc(time.Millisecond, func() { done <- "afterfunc" })
	fmt.Println(<-done, af.Stop())
	start := time.Now()
	time.Sleep(5 * time.Millisecond)
	el := time.Since(start)
	fmt.Println(el >= 5*time.Millisecond, el < 2*time.Second, time.Until(start) < 0)
	select {
	case <-time.After(time.Millisecond):
		fmt.Println("after")
	case <-time.Tick(time.Hour):
		fmt.Println("tick")
	}
}
