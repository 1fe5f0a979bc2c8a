// Package csvbind binds CSV rows to structs through `csv:"name"` tags, in the style of gocsv.
package csvbind

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"csvbind/internal/conv"
)

// ErrNoHeader is returned for input without a header row.
var ErrNoHeader = errors.New("csvbind: no header row")

// FieldError reports the row, column and cause of a value that did not convert.
type FieldError struct {
	Row    int
	Column string
	Err    error
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("csvbind: row %d, column %q: %v", e.Row, e.Column, e.Err)
}

func (e *FieldError) Unwrap() error { return e.Err }

func fieldIndex(t reflect.Type) map[string][]int {
	idx := map[string][]int{}
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			path := append(append([]int(nil), prefix...), i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				walk(f.Type, path)
				continue
			}
			if !f.IsExported() {
				continue
			}
			name := f.Tag.Get("csv")
			if name == "-" {
				continue
			}
			if name == "" {
				name = strings.ToLower(f.Name)
			}
			idx[name] = path
		}
	}
	walk(t, nil)
	return idx
}

// Unmarshal reads every row of r into *out, a pointer to a slice of structs.
func Unmarshal(r io.Reader, out interface{}) error {
	pv := reflect.ValueOf(out)
	if pv.Kind() != reflect.Ptr || pv.Elem().Kind() != reflect.Slice || pv.Elem().Type().Elem().Kind() != reflect.Struct {
		return fmt.Errorf("csvbind: Unmarshal needs a pointer to a slice of structs, not %T", out)
	}
	sv := pv.Elem()
	et := sv.Type().Elem()
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err == io.EOF {
		return ErrNoHeader
	}
	if err != nil {
		return err
	}
	idx := fieldIndex(et)
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		ev := reflect.New(et).Elem()
		for i, col := range header {
			path, ok := idx[col]
			if !ok {
				continue
			}
			if err := conv.Set(ev.FieldByIndex(path), rec[i]); err != nil {
				return &FieldError{Row: row, Column: col, Err: err}
			}
		}
		sv.Set(reflect.Append(sv, ev))
	}
}

// Marshal writes the structs of the slice in as CSV with a header row.
func Marshal(in interface{}, w io.Writer) error {
	sv := reflect.ValueOf(in)
	if sv.Kind() != reflect.Slice {
		return fmt.Errorf("csvbind: Marshal needs a slice, not %T", in)
	}
	idx := fieldIndex(sv.Type().Elem())
	names := make([]string, 0, len(idx))
	for n := range idx {
		names = append(names, n)
	}
	// Columns in field order.
	order := func(n string) string { return fmt.Sprint(idx[n]) }
	for i := 1; i < len(names); i++ {
		for j := i; j > 0 && order(names[j]) < order(names[j-1]); j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	cw := csv.NewWriter(w)
	cw.Write(names)
	for i := 0; i < sv.Len(); i++ {
		rec := make([]string, len(names))
		for j, n := range names {
			rec[j] = conv.Format(sv.Index(i).FieldByIndex(idx[n]))
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}
