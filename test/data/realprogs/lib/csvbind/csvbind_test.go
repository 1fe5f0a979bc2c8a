package csvbind_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"csvbind"
)

type Level int

func (l *Level) UnmarshalText(b []byte) error {
	switch string(b) {
	case "low":
		*l = 1
	case "high":
		*l = 2
	default:
		return fmt.Errorf("bad level %q", b)
	}
	return nil
}

func (l Level) MarshalText() ([]byte, error) {
	return []byte([...]string{"none", "low", "high"}[l]), nil
}

type Audit struct {
	Line int `csv:"line"`
}

type Row struct {
	Audit
	Name   string   `csv:"name"`
	Price  float64  `csv:"price"`
	Stock  *int     `csv:"stock"`
	Level  Level    `csv:"level"`
	Secret string   `csv:"-"`
	Notes  string
}

const input = `name,price,stock,level,extra,line,notes
apple,0.5,10,low,x,1,"fresh, red"
pear,1.25,,high,y,2,
`

func TestUnmarshal(t *testing.T) {
	var rows []Row
	if err := csvbind.Unmarshal(strings.NewReader(input), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("got %d rows", len(rows))
	}
	got := fmt.Sprintf("%+v|%+v", rows[0], rows[1])
	if !strings.Contains(got, "Name:apple Price:0.5") || rows[1].Stock != nil || *rows[0].Stock != 10 || rows[1].Level != 2 || rows[0].Line != 1 || rows[0].Notes != "fresh, red" {
		t.Errorf("got %s", got)
	}
}

func TestErrors(t *testing.T) {
	var rows []Row
	tests := []struct {
		name, in string
		check    func(error) bool
	}{
		{"empty", "", func(err error) bool { return errors.Is(err, csvbind.ErrNoHeader) }},
		{"bad float", "price\nx\n", func(err error) bool {
			var fe *csvbind.FieldError
			return errors.As(err, &fe) && fe.Row == 2 && fe.Column == "price" && errors.Is(err, strconv.ErrSyntax)
		}},
		{"bad level", "name,level\na,mid\n", func(err error) bool {
			return err != nil && err.Error() == `csvbind: row 2, column "level": bad level "mid"`
		}},
		{"ragged", "a,b\n1\n", func(err error) bool { return err != nil && strings.Contains(err.Error(), "wrong number of fields") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := csvbind.Unmarshal(strings.NewReader(tt.in), &rows)
			if !tt.check(err) {
				t.Errorf("unexpected error %v", err)
			}
		})
	}
	if err := csvbind.Unmarshal(strings.NewReader(input), rows); err == nil || err.Error() != "csvbind: Unmarshal needs a pointer to a slice of structs, not []csvbind_test.Row" {
		t.Errorf("non-pointer: %v", err)
	}
}

func TestRoundTripFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	t.Cleanup(func() {
		if _, err := os.Stat(path); err != nil {
			t.Errorf("file gone before cleanup: %v", err)
		}
	})
	n := 3
	in := []Row{{Audit{7}, "fig", 2.5, &n, 1, "s", "note"}, {Name: "kiwi", Level: 2}}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := csvbind.Marshal(in, f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	data, _ := os.ReadFile(path)
	want := "line,name,price,stock,level,notes\n7,fig,2.5,3,low,note\n0,kiwi,0,,high,\n"
	if string(data) != want {
		t.Errorf("file:\n%s\nwant:\n%s", data, want)
	}
	var back []Row
	if err := csvbind.Unmarshal(bytes.NewReader(data), &back); err != nil {
		t.Fatal(err)
	}
	if back[0].Name != "fig" || *back[0].Stock != 3 || back[1].Stock != nil || back[0].Secret != "" {
		t.Errorf("round trip: %+v", back)
	}
}

func TestLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large input skipped in short mode")
	}
	var b strings.Builder
	b.WriteString("name,price\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&b, "item%d,%d.5\n", i, i)
	}
	var rows []Row
	if err := csvbind.Unmarshal(strings.NewReader(b.String()), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5000 || rows[4999].Price != 4999.5 {
		t.Errorf("got %d rows, last %+v", len(rows), rows[len(rows)-1])
	}
}

func BenchmarkUnmarshal(b *testing.B) {
	for i := 0; i < b.N; i++ {
		var rows []Row
		csvbind.Unmarshal(strings.NewReader(input), &rows)
	}
}

func ExampleMarshal() {
	type P struct {
		X, Y int
	}
	csvbind.Marshal([]P{{1, 2}, {3, 4}}, os.Stdout)
	// Output:
	// x,y
	// 1,2
	// 3,4
}
