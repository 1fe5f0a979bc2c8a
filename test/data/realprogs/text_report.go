// A log analyzer: parses JSON lines, aggregates with maps, prints percentiles and a histogram with fmt
// widths, reads input through bufio from a strings.Reader, and writes CSV.
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"time"
)

type event struct {
	TS      time.Time `json:"ts"`
	Path    string    `json:"path"`
	Status  int       `json:"status"`
	Latency float64   `json:"latency_ms"`
	User    *string   `json:"user"`
}

const input = `{"ts":"2023-05-01T10:00:00Z","path":"/","status":200,"latency_ms":12.5,"user":"ann"}
{"ts":"2023-05-01T10:00:01Z","path":"/api","status":500,"latency_ms":250.25,"user":null}
{"ts":"2023-05-01T10:00:02Z","path":"/api","status":200,"latency_ms":33,"user":"bob"}
not json at all
{"ts":"2023-05-01T10:01:00Z","path":"/","status":404,"latency_ms":1.125}
{"ts":"2023-05-01T10:02:30Z","path":"/api","status":200,"latency_ms":47.75,"user":"ann"}
{"ts":"bad time","path":"/x","status":200,"latency_ms":1}
{"ts":"2023-05-01T10:03:00Z","path":"/static/app.js","status":304,"latency_ms":0.5,"user":"cy"}`

func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	rank := p / 100 * float64(len(sorted)-1)
	lo := int(math.Floor(rank))
	hi := int(math.Ceil(rank))
	return sorted[lo] + (sorted[hi]-sorted[lo])*(rank-float64(lo))
}

func main() {
	sc := bufio.NewScanner(strings.NewReader(input))
	var events []event
	lineNo := 0
	for sc.Scan() {
		lineNo++
		var e event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			fmt.Fprintf(os.Stdout, "line %d: %v\n", lineNo, err)
			continue
		}
		events = append(events, e)
	}
	byPath := map[string][]float64{}
	byStatus := map[int]int{}
	users := map[string]int{}
	for _, e := range events {
		byPath[e.Path] = append(byPath[e.Path], e.Latency)
		byStatus[e.Status/100*100]++
		u := "(anonymous)"
		if e.User != nil {
			u = *e.User
		}
		users[u]++
	}
	paths := make([]string, 0, len(byPath))
	for p := range byPath {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	fmt.Printf("%-16s %5s %9s %9s %9s\n", "path", "n", "p50", "p90", "max")
	for _, p := range paths {
		l := byPath[p]
		sort.Float64s(l)
		fmt.Printf("%-16s %5d %9.3f %9.3f %9.3f\n", p, len(l), percentile(l, 50), percentile(l, 90), l[len(l)-1])
	}
	fmt.Println(byStatus, users)
	for code := 200; code <= 500; code += 100 {
		fmt.Printf("%dxx |%-10s| %d\n", code/100, strings.Repeat("#", byStatus[code]*3), byStatus[code])
	}
	span := events[len(events)-1].TS.Sub(events[0].TS)
	fmt.Println("span", span, "rate/min", fmt.Sprintf("%.2f", float64(len(events))/span.Minutes()))
	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"ts", "path", "status", "latency"})
	for _, e := range events {
		w.Write([]string{e.TS.Format(time.Kitchen), e.Path, fmt.Sprint(e.Status), fmt.Sprintf("%g", e.Latency)})
	}
	w.Flush()
	summary, _ := json.MarshalIndent(map[string]interface{}{"events": len(events), "paths": paths, "users": users, "nan": fmt.Sprint(percentile(nil, 50))}, "", "  ")
	fmt.Println(string(summary))
}
