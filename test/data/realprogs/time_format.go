// Time formatting and parsing with fixed dates and zones (no wall clock): layouts, zones, durations,
// arithmetic, truncation, JSON, and parse errors.
package main

import (
	"encoding/json"
	"fmt"
	"time"
)

func main() {
	t := time.Date(2009, time.November, 10, 23, 4, 5, 123456789, time.UTC)
	layouts := []string{time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850, time.RFC1123,
		time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMilli, time.StampMicro, time.StampNano,
		"2006-01-02 15:04:05.000", "Mon Jan _2 3:4:5 PM 06 -07:00 MST", "2006/1/2 .999 ,000000 Z0700 Z07:00", "__2 002 Monday January"}
	for _, l := range layouts {
		fmt.Println(t.Format(l))
	}
	est := time.FixedZone("EST", -5*3600)
	ist := time.FixedZone("IST", 5*3600+1800)
	for _, z := range []*time.Location{est, ist, time.UTC} {
		u := t.In(z)
		name, off := u.Zone()
		fmt.Println(u, name, off, u.Format(time.RFC3339), u.Hour(), u.Weekday(), u.YearDay())
	}
	fmt.Println(t.Unix(), t.UnixNano(), t.UnixMilli(), time.Unix(1e9, 5).UTC(), time.UnixMilli(-1).UTC())
	y, w := t.ISOWeek()
	fmt.Println(y, w, t.Month(), int(t.Month()), t.Day(), t.Nanosecond())
	inputs := [][2]string{
		{time.RFC3339, "2021-03-04T05:06:07+02:00"},
		{time.RFC3339Nano, "2021-03-04T05:06:07.000000123Z"},
		{"2006-01-02", "2021-02-29"},
		{"2006-01-02", "2021-13-01"},
		{"Jan 2 2006", "Feb 30 2020"},
		{time.Kitchen, "3:04PM"},
		{"2006-01-02 15:04 MST", "2020-06-01 12:00 PDT"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 XYZ"},
		{"15:04:05", "25:00:00"},
		{"2006-01-02", "garbage"},
	}
	for _, in := range inputs {
		p, err := time.Parse(in[0], in[1])
		fmt.Printf("%-24q -> %v | %v\n", in[1], p, err)
	}
	p, err := time.ParseInLocation("2006-01-02 15:04", "2022-07-01 08:30", est)
	fmt.Println(p, err, p.UTC())
	d := 90*time.Minute + 30*time.Second + 500*time.Millisecond
	fmt.Println(d, d.Hours(), d.Minutes(), d.Round(time.Minute), d.Truncate(time.Hour), time.Duration(1), time.Duration(1500), -d, time.Duration(0))
	for _, s := range []string{"1h2m3s", "1.5h", "-2m", "300ms", "1us", "1µs", "3ns", "1d", "", "1h-2m"} {
		v, err := time.ParseDuration(s)
		fmt.Println(v, err)
	}
	t2 := t.Add(36*time.Hour + time.Nanosecond)
	fmt.Println(t2, t2.Sub(t), t2.After(t), t.Before(t2), t.Equal(t.In(est)), t2.Sub(t).String())
	fmt.Println(t.AddDate(0, 3, 25), t.AddDate(-1, -11, 0), t.Truncate(time.Hour), t.Round(time.Second), t.Truncate(24*time.Hour))
	var zero time.Time
	fmt.Println(zero, zero.IsZero(), zero.Unix(), time.Date(2023, 2, 31, 25, 61, 0, 0, time.UTC))
	b, _ := json.Marshal(struct {
		T time.Time
		D time.Duration
	}{t.In(ist), d})
	fmt.Println(string(b))
	var back struct{ T time.Time }
	fmt.Println(json.Unmarshal([]byte(`{"T":"2001-02-03T04:05:06.7-08:00"}`), &back), back.T, json.Unmarshal([]byte(`{"T":"bad"}`), &back))
	txt, _ := t.MarshalText()
	fmt.Println(string(txt), t.String(), t.GoString())
	fmt.Printf("%v|%s|%d\n", time.Second*3, time.Month(5), time.Saturday)
	fmt.Println(time.Month(13), time.Weekday(9))
}
