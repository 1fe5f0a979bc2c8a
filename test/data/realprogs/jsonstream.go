// JSON with custom marshalers, RawMessage, embedded structs, and streaming tokens.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

type Base struct {
	ID      int       `json:"id"`
	Created time.Time `json:"created"`
}

type Level int

func (l Level) MarshalJSON() ([]byte, error) {
	names := []string{"debug", "info", "warn"}
	if int(l) < len(names) {
		return json.Marshal(names[l])
	}
	return nil, fmt.Errorf("bad level %d", int(l))
}

func (l *Level) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	switch s {
	case "debug":
		*l = 0
	case "info":
		*l = 1
	case "warn":
		*l = 2
	default:
		return errors.New("unknown level " + s)
	}
	return nil
}

type Event struct {
	Base
	Kind    string            `json:"kind"`
	Level   Level             `json:"level"`
	Payload json.RawMessage   `json:"payload,omitempty"`
	Tags    []string          `json:"tags,omitempty"`
	Meta    map[string]any    `json:"meta,omitempty"`
	Secret  string            `json:"-"`
	Dash    string            `json:"-,"`
	Count   int64             `json:",string"`
	Ptr     *float64          `json:"ptr"`
	Attrs   map[string]string `json:"attrs"`
	private int
}

type Temp float64

func (t Temp) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("%.1fC", float64(t))), nil }

func main() {
	ts := time.Date(2023, 4, 5, 6, 7, 8, 900, time.UTC)
	f := 1.5
	ev := Event{Base: Base{7, ts}, Kind: "click", Level: 2, Payload: json.RawMessage(`{"x":1,"y":[2,3]}`),
		Meta: map[string]any{"b": 2, "a": []int{1}, "c": nil}, Secret: "s", Dash: "d", Count: 42, Ptr: &f}
	b, err := json.Marshal(ev)
	fmt.Println(string(b), err)
	b, _ = json.MarshalIndent(map[Temp]int{1.25: 1, -3: 2}, "", "  ")
	fmt.Println(string(b))
	var back Event
	err = json.Unmarshal(b, &back)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"id":3,"kind":"k","level":"info","payload":[1, 2 ,3],"Count":"9","ptr":null,"extra":true}`), &back)
	fmt.Printf("%v %+v %s %v\n", err, back.Base.ID, back.Payload, back.Ptr == nil)
	fmt.Println(back.Level, back.Count, back.Kind)
	err = json.Unmarshal([]byte(`{"level":"fatal"}`), &back)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"id":"x"}`), &back)
	fmt.Println(err)
	var ute *json.UnmarshalTypeError
	fmt.Println(errors.As(err, &ute), ute.Field, ute.Value, ute.Type)
	err = json.Unmarshal([]byte(`{"id":1,}`), &back)
	var se *json.SyntaxError
	fmt.Println(err, errors.As(err, &se), se.Offset)
	_, err = json.Marshal(Event{Level: 9})
	fmt.Println(err)
	_, err = json.Marshal(map[string]any{"f": func() {}})
	fmt.Println(err)

	dec := json.NewDecoder(strings.NewReader(`{"a": [1, "two", {"three": 3.0}], "b": null, "c": true} [4] "x"`))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Printf("%T %v more=%v\n", tok, tok, dec.More())
	}
	dec = json.NewDecoder(strings.NewReader(`{"Name":"a","Zzz":1}`))
	dec.DisallowUnknownFields()
	var s struct{ Name string }
	fmt.Println(dec.Decode(&s), s.Name)
	var anyv any
	json.Unmarshal([]byte(`{"n": 12345678901234567890, "f": 1e400}`), &anyv)
	fmt.Println(anyv)
	fmt.Println(json.Unmarshal([]byte(`{"n": 1e400}`), &anyv))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(">", "\t")
	enc.Encode(map[string]any{"html": "<a&b>", "u": "\u2028", "bytes": []byte("hi"), "f": 1e21, "g": 1e-7, "h": float32(0.1)})
	os.Stdout.Write(buf.Bytes())
	b, _ = json.Marshal("<a&b>")
	fmt.Println(string(b))
	var buf2 bytes.Buffer
	json.Compact(&buf2, []byte("{ \"a\" : [ 1 , 2 ] }"))
	fmt.Println(buf2.String(), json.Valid([]byte(`{]`)))
	var out bytes.Buffer
	json.Indent(&out, []byte(`[1,{"a":[]},{}]`), "#", "-")
	fmt.Println(out.String())
	json.HTMLEscape(&out, []byte(`"<x>"`))
	fmt.Println(out.String())
}
