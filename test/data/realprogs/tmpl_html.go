// text/template and html/template: funcs, nested templates, range/else, with, escaping contexts, errors.
package main

import (
	"errors"
	"fmt"
	htmpl "html/template"
	"os"
	"sort"
	"strings"
	"text/template"
	"time"
)

type Item struct {
	Name  string
	Price float64
	Qty   int
	Tags  []string
	URL   string
}

func (i Item) Total() float64 { return i.Price * float64(i.Qty) }
func (i *Item) Discount(pct int) float64 { return i.Total() * float64(100-pct) / 100 }

type Order struct {
	ID       int
	Customer map[string]string
	Items    []*Item
	Notes    []string
	Placed   time.Time
	Paid     bool
}

const textTmpl = `{{define "item"}}- {{.Name | printf "%-8s"}} {{.Qty}} x {{printf "%6.2f" .Price}} = {{.Total | money}}{{if .Tags}} [{{join .Tags ","}}]{{end}}{{end -}}
{{define "notes"}}{{range $i, $n := .}}{{if $i}}; {{end}}{{$i}}:{{$n}}{{else}}no notes{{end}}{{end -}}
Order #{{.ID}} for {{index .Customer "name"}} ({{with .Customer.email}}{{.}}{{else}}no email{{end}})
Placed {{.Placed.Format "2006-01-02 15:04 MST"}}
{{range .Items}}{{template "item" .}}
{{end}}{{- $total := 0.0}}{{range .Items}}{{$total = add $total .Total}}{{end -}}
Total: {{money $total}} {{if and .Paid (gt (len .Items) 1)}}PAID{{else if .Paid}}paid-single{{else}}DUE{{end}}
Notes: {{template "notes" .Notes}}
Discounted first: {{(index .Items 0).Discount 10 | printf "%.3f"}}
{{- /* a comment */ -}}
{{"\n"}}{{len .Items}} {{slice "abcdef" 1 3}} {{html "<a&b>"}} {{js "it's"}} {{urlquery "a b&c"}} {{print 1 2 "x" 3}} {{println "end"}}`

const htmlTmpl = `{{define "row"}}<tr><td>{{.Name}}</td><td><a href="/item?n={{.Name}}">{{.Name}}</a></td><td><a href="{{.URL}}">x</a></td></tr>{{end}}<html><head><title>{{.Title}}</title>
<script>var data = {{.Data}}; var s = "{{.Title}}";</script>
<style>p { color: {{.Color}}; }</style></head>
<body onload="init({{.Title}})">
<p title="{{.Title}}">{{.Body}}</p>
{{.Safe}}
<table>{{range .Items}}{{template "row" .}}{{end}}</table>
</body></html>
`

func main() {
	funcs := template.FuncMap{
		"money": func(f float64) string { return fmt.Sprintf("$%.2f", f) },
		"join":  strings.Join,
		"add":   func(a, b float64) float64 { return a + b },
	}
	t := template.Must(template.New("order").Funcs(funcs).Parse(textTmpl))
	o := Order{
		ID:       42,
		Customer: map[string]string{"name": "Zoë", "email": "z@example.com"},
		Items: []*Item{
			{Name: "apple", Price: 0.5, Qty: 6, Tags: []string{"fruit", "red"}},
			{Name: "bread", Price: 2.25, Qty: 1},
		},
		Notes:  []string{"leave at door", "ring twice"},
		Placed: time.Date(2023, 3, 14, 15, 9, 26, 0, time.FixedZone("CET", 3600)),
		Paid:   true,
	}
	if err := t.Execute(os.Stdout, o); err != nil {
		fmt.Println("\nerror:", err)
	}
	o2 := Order{ID: 7, Customer: map[string]string{"name": "Bob"}, Items: o.Items[:1]}
	if err := t.Execute(os.Stdout, o2); err != nil {
		fmt.Println("\nerror:", err)
	}
	// DefinedTemplates lists a map's keys, in no fixed order (under gc too): print its names sorted.
	defined := strings.Split(strings.TrimPrefix(t.DefinedTemplates(), "; defined templates are: "), ", ")
	sort.Strings(defined)
	fmt.Println("; defined templates are:", strings.Join(defined, ", "))
	for _, src := range []string{"{{.Missing}}", "{{.ID.Foo}}", "{{index .Items 5}}", "{{template \"nope\"}}", "{{if}}", "{{range .ID}}{{end}}", "{{call .ID}}", "{{undefinedfn 1}}"} {
		tt, err := template.New("e").Option("missingkey=error").Parse(src)
		if err != nil {
			fmt.Println("parse:", err)
			continue
		}
		var sb strings.Builder
		err = tt.Execute(&sb, o)
		var ee template.ExecError
		fmt.Printf("exec: %q %v %v\n", sb.String(), err, errors.As(err, &ee))
	}
	mk := template.Must(template.New("m").Option("missingkey=zero").Parse("{{.a}}|{{.b}}\n"))
	mk.Execute(os.Stdout, map[string]int{"a": 1})
	mk = template.Must(template.New("m").Parse("{{.a}}|{{.b}}\n"))
	mk.Execute(os.Stdout, map[string]int{"a": 1})
	mk.Execute(os.Stdout, map[string]interface{}{"a": nil})

	h := htmpl.Must(htmpl.New("page").Parse(htmlTmpl))
	data := map[string]interface{}{
		"Title": `Tom & "Jerry" <script>`,
		"Data":  map[string]interface{}{"a": []int{1, 2}, "b": "</script>"},
		"Color": "red; background: url(javascript:alert(1))",
		"Body":  "<b>bold</b> & more",
		"Safe":  htmpl.HTML("<em>trusted</em>"),
		"Items": []Item{{Name: "a b&c", URL: "javascript:alert(1)"}, {Name: "ok", URL: "https://example.com/?q=1&r=<2>"}},
	}
	if err := h.Execute(os.Stdout, data); err != nil {
		fmt.Println("html error:", err)
	}
	_, err := htmpl.New("bad").Parse(`<a href="{{.}}`)
	fmt.Println("bad parse:", err)
	bad := htmpl.Must(htmpl.New("bad").Parse(`<a href="{{.}}`))
	err = bad.Execute(os.Stdout, "x")
	fmt.Println("\nbad exec:", err)
	fmt.Println(htmpl.HTMLEscapeString("<'\"&>"), htmpl.JSEscapeString("</script>'\n"), htmpl.URLQueryEscaper("a b", "&"))
}
