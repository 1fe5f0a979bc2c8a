// JSON: struct tags, omitempty, embedded structs, string option, custom (Un)MarshalJSON, RawMessage,
// Decoder streaming, Token walking, and the errors of bad input.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

type Base struct {
	ID      int       `json:"id"`
	Created time.Time `json:"created"`
}

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) MarshalJSON() ([]byte, error) {
	return json.Marshal([]string{"red", "green", "blue"}[c])
}

func (c *Color) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	switch s {
	case "red":
		*c = Red
	case "green":
		*c = Green
	case "blue":
		*c = Blue
	default:
		return fmt.Errorf("unknown color %q", s)
	}
	return nil
}

type Item struct {
	Base
	Name     string            `json:"name"`
	Tags     []string          `json:"tags,omitempty"`
	Price    float64           `json:"price,string"`
	Color    Color             `json:"color"`
	Secret   string            `json:"-"`
	Attrs    map[string]any    `json:"attrs,omitempty"`
	Extra    json.RawMessage   `json:"extra,omitempty"`
	Ptr      *int              `json:"ptr"`
	Nested   *Item             `json:"nested,omitempty"`
	Labels   map[string]string `json:",omitempty"`
	unexport int
}

func main() {
	seven := 7
	it := Item{
		Base:   Base{ID: 1, Created: time.Date(2023, 3, 4, 5, 6, 7, 0, time.UTC)},
		Name:   "widget <&>",
		Tags:   []string{"a", "b"},
		Price:  12.5,
		Color:  Blue,
		Secret: "hidden",
		Attrs:  map[string]any{"z": 1, "a": []int{1, 2}, "m": nil},
		Extra:  json.RawMessage(`{"raw":true}`),
		Ptr:    &seven,
		Nested: &Item{Name: "child", Color: Green},
	}
	b, err := json.Marshal(it)
	fmt.Println(string(b), err)
	ind, _ := json.MarshalIndent(map[string]any{"b": 2, "a": []any{1, "x", true, nil, 2.5}}, ">", "  ")
	fmt.Println(string(ind))

	var back Item
	err = json.Unmarshal(b, &back)
	fmt.Println(err, back.ID, back.Created, back.Name, back.Tags, back.Price, back.Color, *back.Ptr, back.Nested.Name, string(back.Extra))
	fmt.Printf("%v\n", back.Attrs)

	// Generic decoding into any.
	var v any
	json.Unmarshal([]byte(`{"n": 1.5e3, "list": [1, "two", {"three": 3}], "ok": false}`), &v)
	fmt.Printf("%#v\n", v)
	d := json.NewDecoder(strings.NewReader(`{"n": 12345678901234567890}`))
	d.UseNumber()
	var num map[string]any
	d.Decode(&num)
	fmt.Printf("%T %v\n", num["n"], num["n"])

	// Streaming: a sequence of values, then an array walked with Token.
	dec := json.NewDecoder(strings.NewReader(`{"name":"a","color":"red"} {"name":"b","color":"green"}
{"name":"c","color":"purple"}`))
	for {
		var x Item
		err := dec.Decode(&x)
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("decode error:", err)
			break
		}
		fmt.Println("item", x.Name, x.Color)
	}
	tk := json.NewDecoder(strings.NewReader(`[{"a":1},{"a":2},[true,null]]`))
	for {
		t, err := tk.Token()
		if err != nil {
			break
		}
		fmt.Printf("%T:%v more=%v\n", t, t, tk.More())
	}

	// Errors.
	bad := []string{`{"id": "x"}`, `{"id": 1,}`, `[1,2`, `{"color": 5}`, `"\x"`, `{"price": "abc"}`}
	for _, s := range bad {
		var x Item
		err := json.Unmarshal([]byte(s), &x)
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			fmt.Println("syntax at", se.Offset, err)
		case errors.As(err, &te):
			fmt.Println("type:", te.Field, te.Value, te.Type, err)
		default:
			fmt.Println("other:", err)
		}
	}
	_, err = json.Marshal(map[string]any{"f": func() {}})
	fmt.Println(err)
	_, err = json.Marshal(make(chan int))
	fmt.Println(err)
	var strict struct{ A int }
	sd := json.NewDecoder(strings.NewReader(`{"A":1,"B":2}`))
	sd.DisallowUnknownFields()
	fmt.Println(sd.Decode(&strict))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	enc.Encode(struct {
		S string
		F float64
		U uint8
		B []byte
	}{"<a&b>", 1e21, 255, []byte("hi")})
	fmt.Print(buf.String())
	fmt.Println(json.Valid([]byte(`{}`)), json.Valid([]byte(`{`)))
	var compact bytes.Buffer
	json.Compact(&compact, []byte("{ \"a\" : [ 1 , 2 ] }"))
	fmt.Println(compact.String())
}
