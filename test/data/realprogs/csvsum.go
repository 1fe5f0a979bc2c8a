// A CSV report tool: reads an inline CSV, groups by a column, prints totals sorted by value.
package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
)

const data = `region,product,units,price
north,widget,10,2.50
south,gadget,3,10.00
north,gadget,7,9.75
east,"widget, deluxe",1,99.99
south,widget,12,2.45
west,gizmo,0,1.00
north,"quoted ""thing""",2,3.14
`

type row struct {
	Region, Product string
	Units           int
	Price           float64
}

func main() {
	r := csv.NewReader(strings.NewReader(data))
	header, err := r.Read()
	if err != nil {
		panic(err)
	}
	fmt.Println("columns:", strings.Join(header, "|"))
	var rows []row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		u, _ := strconv.Atoi(rec[2])
		p, _ := strconv.ParseFloat(rec[3], 64)
		rows = append(rows, row{rec[0], rec[1], u, p})
	}
	totals := map[string]float64{}
	for _, x := range rows {
		totals[x.Region] += float64(x.Units) * x.Price
	}
	keys := make([]string, 0, len(totals))
	for k := range totals {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if totals[keys[i]] != totals[keys[j]] {
			return totals[keys[i]] > totals[keys[j]]
		}
		return keys[i] < keys[j]
	})
	tw := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(tw, "region\ttotal\t")
	for _, k := range keys {
		fmt.Fprintf(tw, "%s\t%.2f\t\n", k, totals[k])
	}
	tw.Flush()
	w := csv.NewWriter(os.Stdout)
	w.Comma = ';'
	for _, x := range rows {
		w.Write([]string{x.Product, strconv.Itoa(x.Units), strconv.FormatFloat(x.Price, 'f', -1, 64)})
	}
	w.Flush()
	fmt.Println(w.Error())
	// Errors from a malformed record.
	bad := csv.NewReader(strings.NewReader("a,b\n\"unterminated,c\n"))
	_, err = bad.ReadAll()
	fmt.Printf("%v\n%T\n", err, err)
	var pe *csv.ParseError
	if e, ok := err.(*csv.ParseError); ok {
		pe = e
		fmt.Println(pe.StartLine, pe.Line, pe.Column, pe.Err == csv.ErrQuote)
	}
	bad2 := csv.NewReader(strings.NewReader("a,b\nc\n"))
	_, err = bad2.ReadAll()
	fmt.Println(err)
}
