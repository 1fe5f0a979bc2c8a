// time formatting and parsing with fixed times and fixed zones; calendar arithmetic.
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.February, 29, 13, 4, 5, 123456789, time.UTC)
	layouts := []string{time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMilli, time.StampMicro, time.StampNano,
		"2006-01-02 15:04:05.000", "Mon Jan _2 3:4:5 PM 06", "02/01/2006 15h04", ".999 .000000 ,999", "Z07:00 -0700 -07 MST", "2006 002 __2", "January Monday"}
	for _, l := range layouts {
		fmt.Println(t.Format(l))
	}
	est := time.FixedZone("EST", -5*3600)
	ist := time.FixedZone("IST", 5*3600+1800)
	fmt.Println(t.In(est), t.In(ist).Format(time.RFC3339), t.In(est).Format("MST -0700 Z07:00"))
	fmt.Println(t, t.UTC().String(), t.Unix(), t.UnixMilli(), t.UnixNano(), t.Nanosecond())
	fmt.Println(t.Year(), t.Month(), t.Day(), t.Weekday(), t.YearDay(), t.Hour(), t.Minute(), t.Second())
	y, w := t.ISOWeek()
	fmt.Println(y, w)
	fmt.Println(t.AddDate(0, 1, 0), t.AddDate(1, 0, 0), t.AddDate(0, 0, -60))
	fmt.Println(t.Add(36*time.Hour).Sub(t), t.Truncate(time.Hour), t.Round(time.Minute), t.Truncate(24*time.Hour))
	u := time.Date(2023, 12, 31, 23, 59, 60, 0, time.UTC)
	fmt.Println(u, u.Before(t), u.After(t), u.Equal(u.In(est)))
	fmt.Println(time.Date(2023, 14, 35, 25, 61, 0, 0, time.UTC))
	for _, s := range []string{"2024-03-01T10:00:00Z", "2024-03-01T10:00:00+05:30", "2024-03-01T10:00:00.5-08:00", "2024-13-01T00:00:00Z", "junk"} {
		p, err := time.Parse(time.RFC3339, s)
		fmt.Println(p, err)
	}
	p, err := time.Parse("Jan 2 2006 3:04PM", "Mar 7 2021 11:15AM")
	fmt.Println(p, err)
	p, err = time.ParseInLocation("2006-01-02 15:04", "2021-06-01 08:30", est)
	fmt.Println(p, err, p.Location())
	_, err = time.Parse("2006-01-02", "2021-02-30")
	fmt.Println(err)
	var zero time.Time
	fmt.Println(zero, zero.IsZero(), zero.Unix(), time.Unix(0, 0).UTC(), time.Unix(1700000000, 5).UTC())
	fmt.Println(time.UnixMilli(1700000000123).UTC().Format(time.RFC3339Nano))
	b, _ := t.MarshalJSON()
	fmt.Println(string(b))
	var back time.Time
	fmt.Println(back.UnmarshalText([]byte("2001-02-03T04:05:06.7+01:00")), back)
	fmt.Println(time.March, time.Saturday, time.Month(13), time.Weekday(9))
	days := t.Sub(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24
	fmt.Printf("%.3f\n", days)
	fmt.Println(t.Format("3:04:05 pm, Monday 2 Jan"), t.AppendFormat([]byte("at: "), time.Kitchen))
}
