// A JSON config loader: struct tags, embedded structs, omitempty, string option, custom (Un)Marshalers,
// RawMessage, decoding errors, Decoder streaming, map ordering, Indent.
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

type Duration struct{ time.Duration }

func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return err
	}
	d.Duration = v
	return nil
}

type Base struct {
	ID      int    `json:"id"`
	Created string `json:"created,omitempty"`
}

type TLS struct {
	Cert string `json:"cert"`
	Key  string `json:"key,omitempty"`
}

type Server struct {
	Base
	*TLS    `json:"tls,omitempty"`
	Host    string            `json:"host"`
	Port    int               `json:"port,string"`
	Timeout Duration          `json:"timeout"`
	Tags    []string          `json:"tags"`
	Labels  map[string]string `json:"labels,omitempty"`
	Extra   json.RawMessage   `json:"extra,omitempty"`
	secret  string
	Ignored string  `json:"-"`
	Dash    string  `json:"-,"`
	Ratio   float64 `json:"ratio"`
	Ptr     *int    `json:"ptr"`
	Any     interface{}
}

type Config struct {
	Name    string   `json:"name"`
	Servers []Server `json:"servers"`
	Debug   bool     `json:"debug,omitempty"`
}

const input = `{
  "name": "prod",
  "servers": [
    {"id": 1, "host": "a.example", "port": "8080", "timeout": "1m30s", "tags": ["x","y"],
     "labels": {"zone": "eu", "app": "web"}, "extra": {"k": [1, 2, {"z": null}]}, "-": "dash",
     "ratio": 0.25, "ptr": 7, "Any": {"n": 1.5, "list": [true, "s"]}, "tls": {"cert": "c.pem"}},
    {"id": 2, "host": "b.example", "port": "9090", "timeout": "250ms", "tags": null, "ratio": 1e3, "Any": 12}
  ]
}`

func main() {
	var c Config
	if err := json.Unmarshal([]byte(input), &c); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Printf("%+v\n", c.Servers[0].Base)
	for _, s := range c.Servers {
		fmt.Printf("%d %s:%d %v %q %v %s ratio=%g ptr=%v any=%v (%T) tls=%v dash=%q\n", s.ID, s.Host, s.Port,
			s.Timeout.Duration, s.Tags, s.Labels, s.Extra, s.Ratio, s.Ptr != nil, s.Any, s.Any, s.TLS, s.Dash)
	}
	out, err := json.MarshalIndent(c, "", "  ")
	fmt.Println(string(out), err)
	out, _ = json.Marshal(map[string]interface{}{"z": 1, "a": []int{}, "m": map[int]string{2: "b", 10: "a"}, "h": "<&>", "f": 1e21, "g": 1e-7, "u": "\u2028"})
	fmt.Println(string(out))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(">", "\t")
	enc.Encode(struct {
		A string
		B []byte
		C [2]bool
		D *Config
		E float32
	}{"<html>", []byte("raw"), [2]bool{true}, nil, 3.1})
	fmt.Print(buf.String())
	bad := []string{`{"name": 5}`, `{"name": "x",}`, `[1,2]`, `{"servers": [{"port": 80}]}`, `{"servers":[{"timeout":"xx"}]}`, ``, `{"name":"a"} trailing`}
	for _, b := range bad {
		var c Config
		err := json.Unmarshal([]byte(b), &c)
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		fmt.Printf("%-40q -> %v | syntax=%v type=%v\n", b, err, errors.As(err, &se), errors.As(err, &te))
	}
	dec := json.NewDecoder(strings.NewReader(`{"a":1} {"a":2} [3] "x" 4.5`))
	for {
		var v interface{}
		if err := dec.Decode(&v); err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Printf("%v %T\n", v, v)
	}
	dec = json.NewDecoder(strings.NewReader(`{"id": 1, "bogus": 2}`))
	dec.DisallowUnknownFields()
	var b Base
	fmt.Println(dec.Decode(&b))
	dec = json.NewDecoder(strings.NewReader(`[{"n": 12345678901234567890}]`))
	dec.UseNumber()
	var nums []map[string]interface{}
	fmt.Println(dec.Decode(&nums), nums, fmt.Sprintf("%T", nums[0]["n"]))
	tokdec := json.NewDecoder(strings.NewReader(`{"k": [1, "two", null, false]}`))
	for {
		t, err := tokdec.Token()
		if err != nil {
			break
		}
		fmt.Printf("%T:%v ", t, t)
	}
	fmt.Println()
	var ind bytes.Buffer
	json.Indent(&ind, []byte(`{"a":[1,2,{"b":null}],"c":{}}`), "", " ")
	fmt.Println(ind.String())
	fmt.Println(json.Valid([]byte(`{"a":}`)), json.Valid([]byte(`[]`)))
	_, err = json.Marshal(map[string]interface{}{"f": func() {}})
	fmt.Println(err)
	_, err = json.Marshal(make(chan int))
	fmt.Println(err)
}
