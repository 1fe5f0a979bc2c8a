// time: fixed zones, layouts, parsing errors, durations, Date normalisation, truncation, weekdays, ISO
// weeks, Unix conversions, and monotonic-free comparisons.
package main

import (
	"fmt"
	"time"
)

func main() {
	est := time.FixedZone("EST", -5*3600)
	ist := time.FixedZone("IST", 5*3600+1800)
	t := time.Date(2024, time.February, 29, 23, 59, 58, 123456789, time.UTC)
	layouts := []string{time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850, time.RFC1123,
		time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMicro,
		"2006-01-02 15:04:05.000 MST -0700", "Mon Jan _2 3:4:5 PM 06", ".999 .000000 ,999", "2006 002 __2"}
	for _, l := range layouts {
		fmt.Println(t.Format(l), "|", t.In(est).Format(l), "|", t.In(ist).Format(l))
	}
	fmt.Println(t, t.In(est), t.In(ist))
	fmt.Println(t.Add(2*time.Second), t.AddDate(0, 1, 0), t.AddDate(1, 0, 0), t.AddDate(0, 0, -60))
	fmt.Println(time.Date(2023, 14, 35, 25, 61, 61, 0, time.UTC))
	fmt.Println(time.Date(2023, 0, 0, -1, 0, 0, 0, est))
	fmt.Println(t.YearDay(), t.Weekday(), t.Month(), t.Nanosecond())
	y, w := t.ISOWeek()
	fmt.Println("iso", y, w)
	fmt.Println(t.Truncate(time.Hour), t.Round(time.Second), t.Truncate(24*time.Hour))
	fmt.Println(t.Unix(), t.UnixMilli(), t.UnixNano(), time.Unix(1700000000, 5).UTC())
	fmt.Println(time.UnixMilli(-1).UTC())
	for _, in := range []struct{ layout, value string }{
		{time.RFC3339, "2021-06-01T12:30:00+02:00"},
		{time.RFC3339, "2021-06-01T12:30:00Z"},
		{"2006-01-02", "2021-13-01"},
		{"2006-01-02", "2021-02-30"},
		{"Jan 2 2006 15:04", "Feb 3 2013 7:54"},
		{"2006-01-02 15:04:05 -0700", "2010-03-04 05:06:07 +0530"},
		{"02/01/2006", "31/12/1999"},
		{time.Kitchen, "3:04PM"},
		{"2006-01-02T15:04:05.999999999Z07:00", "2020-01-01T00:00:00.5-08:00"},
		{time.RFC3339, "garbage"},
	} {
		p, err := time.Parse(in.layout, in.value)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		_, off := p.Zone()
		fmt.Println(p, off, p.UTC())
	}
	p, err := time.ParseInLocation("2006-01-02 15:04", "2022-07-04 09:00", ist)
	fmt.Println(p, err, p.Location())
	for _, s := range []string{"1h30m", "-2.5s", "300ms", "1µs", "1us", "2h45m30.5s", "1d", "", "5"} {
		d, err := time.ParseDuration(s)
		fmt.Println(d, err)
	}
	for _, d := range []time.Duration{0, 1, 999, 1000, 1500 * time.Microsecond, 61 * time.Second, -90 * time.Minute, 1<<63 - 1} {
		fmt.Println(d, d.Seconds(), d.Minutes(), d.Round(time.Millisecond), d.Truncate(time.Second), d.String())
	}
	a := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	b := a.In(est)
	fmt.Println(a.Equal(b), a == b, b.Sub(a), a.Before(b.Add(1)), a.After(b))
	fmt.Println(time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC).Sub(time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC)).Hours())
	fmt.Println(time.Month(13), time.Weekday(8), time.Duration(1).Nanoseconds())
	var zero time.Time
	fmt.Println(zero, zero.IsZero(), zero.Unix())
	bs, _ := t.MarshalText()
	fmt.Println(string(bs))
	var u time.Time
	fmt.Println(u.UnmarshalJSON([]byte(`"2001-02-03T04:05:06.7+01:00"`)), u)
	js, _ := t.In(ist).MarshalJSON()
	fmt.Println(string(js))
}
