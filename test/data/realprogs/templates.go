// text/template and html/template: funcs, range with else, nested templates, with, pipelines, escaping
// contexts, and execution errors.
package main

import (
	"fmt"
	htmpl "html/template"
	"os"
	"strings"
	"text/template"
)

type Order struct {
	ID    int
	Items []Line
	Notes map[string]string
	Cust  *Customer
}
type Line struct {
	Name  string
	Qty   int
	Price float64
}
type Customer struct{ Name, Email string }

func (l Line) Total() float64 { return float64(l.Qty) * l.Price }

const text = `{{define "line"}}{{printf "%-8s" .Name}} x{{.Qty}} = {{printf "%7.2f" .Total}}{{end -}}
Order #{{.ID}}{{with .Cust}} for {{.Name | upper}} <{{.Email}}>{{else}} (anonymous){{end}}
{{range $i, $l := .Items}}{{if $i}}
{{end}}{{$i | inc}}. {{template "line" $l}}{{else}}no items{{end}}
{{- range $k, $v := .Notes}}
note {{$k}}: {{$v}}{{end}}
total: {{total .Items | printf "%.2f"}}
{{len .Items}} items; first={{(index .Items 0).Name}}; {{if and .Cust (gt (len .Items) 1)}}multi{{end}}
{{"quoted" | printf "%q"}} {{html "<b>"}} {{js "a'b"}} {{urlquery "a b&c"}} {{slice "abcdef" 1 3}}
{{- /* a comment */ -}}
`

func main() {
	funcs := template.FuncMap{
		"upper": strings.ToUpper,
		"inc":   func(i int) int { return i + 1 },
		"total": func(ls []Line) float64 {
			t := 0.0
			for _, l := range ls {
				t += l.Total()
			}
			return t
		},
	}
	t := template.Must(template.New("order").Funcs(funcs).Parse(text))
	o := Order{ID: 42, Items: []Line{{"apple", 3, 0.5}, {"pear", 2, 1.25}, {"melon", 1, 3}},
		Notes: map[string]string{"b": "fragile", "a": "gift"}, Cust: &Customer{"ann", "ann@example.com"}}
	if err := t.Execute(os.Stdout, o); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println(t.Lookup("line") != nil, t.Lookup("nope") == nil)
	// Errors: parse and execution.
	_, err := template.New("bad").Parse("{{.Foo")
	fmt.Println(err)
	_, err = template.New("bad2").Parse("{{undefinedfn 1}}")
	fmt.Println(err)
	err = template.Must(template.New("x").Parse("{{.Missing}}")).Execute(os.Stdout, o)
	fmt.Println("\n", err)
	err = template.Must(template.New("y").Option("missingkey=error").Parse("{{.k}}")).Execute(os.Stdout, map[string]int{})
	fmt.Println(err)
	err = template.Must(template.New("z").Parse("{{index . 5}}")).Execute(os.Stdout, []int{1})
	fmt.Println(err)
	// html/template contexts.
	h := htmpl.Must(htmpl.New("page").Parse(`<a href="/s?q={{.Q}}" title="{{.T}}" onclick="f({{.J}})">{{.B}}</a>
<script>var x = {{.M}};</script><style>p { color: {{.C}} }</style>
{{.Safe}} {{range .L}}<li>{{.}}</li>{{end}}
`))
	err = h.Execute(os.Stdout, map[string]any{
		"Q": "a b&c", "T": `"quoted" & <tag>`, "J": "it's", "B": "<b>bold</b>",
		"M": map[string]int{"a": 1}, "C": "red;}", "Safe": htmpl.HTML("<i>ok</i>"), "L": []string{"x<y", "z"},
	})
	fmt.Println(err)
	fmt.Println(htmpl.HTMLEscapeString("<a href='x'>&</a>"), htmpl.JSEscapeString("</script>\"'"))
}
