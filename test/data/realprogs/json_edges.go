// encoding/json edge cases: custom (Un)MarshalJSON/Text, embedded structs and field conflicts, omitempty,
// ",string", RawMessage, Number, map key types, error messages, DisallowUnknownFields, HTML escaping.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
)

type Level int

func (l Level) MarshalText() ([]byte, error) {
	switch l {
	case 0:
		return []byte("debug"), nil
	case 1:
		return []byte("info"), nil
	}
	return nil, fmt.Errorf("bad level %d", int(l))
}

func (l *Level) UnmarshalText(b []byte) error {
	switch string(b) {
	case "debug":
		*l = 0
	case "info":
		*l = 1
	default:
		return fmt.Errorf("unknown level %q", b)
	}
	return nil
}

type Dur struct{ time.Duration }

func (d Dur) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }
func (d *Dur) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := time.ParseDuration(s)
	d.Duration = v
	return err
}

type Meta struct {
	ID      int    `json:"id"`
	Created string `json:"created,omitempty"`
}

type Named struct {
	Name string `json:"name"`
}

type Record struct {
	Meta
	*Named
	Level   Level             `json:"level"`
	Timeout Dur               `json:"timeout"`
	Count   int64             `json:"count,string"`
	Ratio   float64           `json:"ratio,omitempty"`
	Tags    []string          `json:"tags"`
	Attrs   map[Level]string  `json:"attrs,omitempty"`
	Extra   json.RawMessage   `json:"extra,omitempty"`
	Any     interface{}       `json:"any"`
	Skip    string            `json:"-"`
	Dash    string            `json:"-,"`
	private int
	Ptr     *int              `json:"ptr"`
	Nums    map[int]float64   `json:"nums,omitempty"`
	Bytes   []byte            `json:"bytes"`
	Arr     [2]bool           `json:"arr"`
	Iface   fmt.Stringer      `json:"iface"`
	Emb     struct{ A, B int } `json:"emb"`
}

func main() {
	seven := 7
	r := Record{Meta: Meta{ID: 1}, Named: &Named{"rec"}, Level: 1, Timeout: Dur{90 * time.Second}, Count: 1 << 60,
		Tags: nil, Attrs: map[Level]string{1: "i", 0: "d"}, Extra: json.RawMessage(`{"k":[1,2,3]}`),
		Any: map[string]interface{}{"z": 1, "a": []interface{}{true, nil, 2.5}}, Skip: "s", Dash: "d", Ptr: &seven,
		Nums: map[int]float64{10: 1, -2: 0.5}, Bytes: []byte("hi\x00"), Arr: [2]bool{true}}
	b, err := json.Marshal(r)
	fmt.Println(string(b), err)
	b, _ = json.MarshalIndent(map[string]interface{}{"html": "<a&b>", "f": 1e21, "g": 1e-7, "i": int64(math.MaxInt64), "u": uint8(200), "e": []int{}}, "", "\t")
	fmt.Println(string(b))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode("<a&b> \u2028")
	fmt.Print(buf.String())

	var back Record
	err = json.Unmarshal([]byte(`{"id":5,"name":"n","level":"debug","timeout":"1m","count":"12","tags":["a"],"attrs":{"info":"x"},"extra":[1, 2],"any":{"k":[1,"s",null]},"ptr":null,"nums":{"3":1.5},"bytes":"aGk=","arr":[false,true,true],"emb":{"A":1}}`), &back)
	fmt.Printf("%v | %d %s %d %v %v %v %s %v %v %v %q %v %+v\n", err, back.ID, back.Name, back.Level, back.Timeout, back.Count, back.Tags, back.Extra, back.Any, back.Ptr, back.Nums, back.Bytes, back.Arr, back.Emb)

	bad := []string{
		`{"id":"x"}`,
		`{"level":"loud"}`,
		`{"count":12}`,
		`{"timeout":"forever"}`,
		`{"tags":{}}`,
		`{"id":1,}`,
		`[1,2`,
		`{"arr":[1]}`,
		`{"id": 1e400}`,
		`{"nums":{"x":1}}`,
		`{"iface":{}}`,
		``,
		`nul`,
	}
	for _, s := range bad {
		var rr Record
		err := json.Unmarshal([]byte(s), &rr)
		var ute *json.UnmarshalTypeError
		var se *json.SyntaxError
		switch {
		case errors.As(err, &ute):
			fmt.Printf("type error: %v (field %q, value %q, offset %d)\n", err, ute.Field, ute.Value, ute.Offset)
		case errors.As(err, &se):
			fmt.Printf("syntax error: %v at %d\n", err, se.Offset)
		default:
			fmt.Printf("error: %v\n", err)
		}
	}
	_, err = json.Marshal(Record{Level: 5})
	fmt.Println(err)
	_, err = json.Marshal(math.NaN())
	fmt.Println(err)
	_, err = json.Marshal(map[bool]int{true: 1})
	fmt.Println(err)
	_, err = json.Marshal(func() {})
	fmt.Println(err)
	type Cyclic struct{ Next *Cyclic }
	c := &Cyclic{}
	c.Next = c
	_, err = json.Marshal(c)
	fmt.Println(err != nil)

	dec := json.NewDecoder(strings.NewReader(`{"id":1,"unknown":2}`))
	dec.DisallowUnknownFields()
	var m Meta
	fmt.Println(dec.Decode(&m))
	dec = json.NewDecoder(strings.NewReader(`{"a": 12345678901234567890, "b": 1.0} [1] "tail"`))
	dec.UseNumber()
	var any map[string]interface{}
	fmt.Println(dec.Decode(&any), any["a"], fmt.Sprintf("%T", any["b"]))
	n := any["a"].(json.Number)
	_, ierr := n.Int64()
	f, _ := n.Float64()
	fmt.Println(ierr, f, n.String())
	for dec.More() {
		tok, err := dec.Token()
		fmt.Printf("%T %v %v\n", tok, tok, err)
	}
	fmt.Println(dec.InputOffset())
	fmt.Println(json.Valid([]byte(`{"a":[1,2,{"b":null}]}`)), json.Valid([]byte(`{a:1}`)))
	var out bytes.Buffer
	fmt.Println(json.Compact(&out, []byte("{ \"a\" : [ 1 , 2 ] }")), out.String())
	out.Reset()
	json.Indent(&out, []byte(`{"a":[1,{"b":2}],"c":{}}`), ">", "  ")
	fmt.Println(out.String())
	out.Reset()
	json.HTMLEscape(&out, []byte(`{"x":"<script>&</script>"}`))
	fmt.Println(out.String())
	var iface interface{}
	json.Unmarshal([]byte(`[1, 2.5, "x", true, null, {"k": {}}]`), &iface)
	fmt.Printf("%#v\n", iface)
	var arr [2]int
	json.Unmarshal([]byte(`[1,2,3]`), &arr)
	var sl = []int{9, 9, 9}
	json.Unmarshal([]byte(`[1]`), &sl)
	var mp = map[string]int{"keep": 1}
	json.Unmarshal([]byte(`{"new":2}`), &mp)
	fmt.Println(arr, sl, mp)
}
