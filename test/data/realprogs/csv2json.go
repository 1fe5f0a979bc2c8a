// encoding/csv -> JSON transformer with type inference, quoting edge cases and errors.
package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

const data = `id,name,price,in_stock,tags,note
1,"Widget, large",19.99,true,"a;b","said ""hi"""
2,Gadget,5,false,,
3,  Gizmo  ,1e3,TRUE,x,"multi
line"
4,Thing,-0.5,0,y;z,
`

func infer(s string) interface{} {
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return i
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	if b, err := strconv.ParseBool(s); err == nil {
		return b
	}
	if s == "" {
		return nil
	}
	if strings.Contains(s, ";") {
		return strings.Split(s, ";")
	}
	return s
}

func convert(r io.Reader, w io.Writer, indent bool) error {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("header: %w", err)
	}
	var rows []map[string]interface{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("row: %w", err)
		}
		row := map[string]interface{}{}
		for i, h := range header {
			row[h] = infer(rec[i])
		}
		rows = append(rows, row)
	}
	enc := json.NewEncoder(w)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(rows)
}

func main() {
	if err := convert(strings.NewReader(data), os.Stdout, true); err != nil {
		fmt.Println("error:", err)
	}
	if err := convert(strings.NewReader(data), os.Stdout, false); err != nil {
		fmt.Println("error:", err)
	}
	bad := []string{
		"a,b\n1,2,3\n",
		"a,b\n\"unterminated,2\n",
		"a,\"b\"c\n",
		"",
	}
	for _, b := range bad {
		err := convert(strings.NewReader(b), io.Discard, false)
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			fmt.Printf("parse error line %d col %d: %v | %v\n", pe.Line, pe.Column, pe.Err, err)
		} else {
			fmt.Println("other:", err, errors.Is(err, io.EOF))
		}
	}
	// Lazy quotes, comments, custom comma, and the writer.
	cr := csv.NewReader(strings.NewReader("# comment\nx|y \"q\"|z\n\n1|2|3\n"))
	cr.Comma = '|'
	cr.Comment = '#'
	cr.LazyQuotes = true
	cr.TrimLeadingSpace = true
	all, err := cr.ReadAll()
	fmt.Printf("%q %v\n", all, err)
	cw := csv.NewWriter(os.Stdout)
	cw.Write([]string{"plain", "with,comma", "with \"quote\"", " lead", "new\nline", ""})
	cw.UseCRLF = true
	cw.Write([]string{"crlf", "x"})
	cw.Flush()
	fmt.Println(cw.Error())
	var back []map[string]interface{}
	var sb strings.Builder
	convert(strings.NewReader(data), &sb, false)
	d := json.NewDecoder(strings.NewReader(sb.String()))
	d.UseNumber()
	fmt.Println(d.Decode(&back))
	for _, r := range back {
		fmt.Printf("%v %T %v\n", r["id"], r["price"], r["tags"])
	}
}
