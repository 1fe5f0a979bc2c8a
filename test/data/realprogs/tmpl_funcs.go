// text/template and html/template with funcs, define/block/template, range/else, with, pipelines.
package main

import (
	htmpl "html/template"
	"fmt"
	"os"
	"strings"
	"text/template"
)

type User struct {
	Name   string
	Email  string
	Admin  bool
	Tags   []string
	Scores map[string]int
	Boss   *User
}

func (u User) Initials() string { return strings.ToUpper(u.Name[:1]) }
func (u *User) Greeting(p string) string { return p + ", " + u.Name }

const base = `{{define "item"}}[{{.}}]{{end -}}
{{block "title" .}}Default title for {{.Name}}{{end}}
{{- range $i, $t := .Tags}}
  {{$i}}: {{template "item" $t | upper}}{{else}}
  no tags{{end}}
{{with .Boss}}boss={{.Name}} {{.Initials}}{{else}}no boss{{end}}
{{range $k, $v := .Scores}}{{$k}}={{$v}} {{end}}
{{if and .Admin (gt (len .Tags) 1)}}admin with tags{{else if .Admin}}admin{{else}}user{{end}}
{{printf "%-6s|%5.2f|%q" .Name 3.14159 .Email}}
{{.Name | printf "%s!" | repeat 2}}
{{index .Scores "go"}} {{slice .Name 1 3}} {{len .Scores}}
{{- /* a comment */ -}}
{{$x := 1}}{{$x = add $x 41}} x={{$x}}
{{eq .Name "ann" "bob"}} {{ne 1 2}} {{lt 1.5 2.5}} {{not .Admin}} {{or "" "fallback"}}
{{html "<b>"}} {{js "a'b"}} {{urlquery "a b&c"}} {{print 1 2 "x" "y" 3}} {{println "end"}}`

func main() {
	funcs := template.FuncMap{
		"upper":  strings.ToUpper,
		"repeat": func(n int, s string) string { return strings.Repeat(s, n) },
		"add":    func(a, b int) int { return a + b },
	}
	t := template.Must(template.New("base").Funcs(funcs).Parse(base))
	users := []User{
		{Name: "ann", Email: "ann@x.org", Admin: true, Tags: []string{"a", "b"}, Scores: map[string]int{"go": 9, "c": 7}},
		{Name: "bob", Scores: map[string]int{}, Boss: &User{Name: "carl"}},
	}
	for _, u := range users {
		if err := t.Execute(os.Stdout, u); err != nil {
			fmt.Println("\nerror:", err)
		}
		fmt.Println("\n---")
	}
	t2 := template.Must(template.Must(t.Clone()).Parse(`{{define "title"}}Custom {{.Greeting "hi"}}{{end}}`))
	t2.Execute(os.Stdout, &users[1])
	fmt.Println("\n---")
	_, err := template.New("bad").Parse("{{.Foo")
	fmt.Println(err)
	_, err = template.New("bad2").Parse("{{end}}")
	fmt.Println(err)
	err = template.Must(template.New("e").Parse("{{.Missing}}")).Execute(os.Stdout, users[0])
	fmt.Println("\n", err)
	err = template.Must(template.New("m").Option("missingkey=error").Parse("{{.k}}")).Execute(os.Stdout, map[string]int{})
	fmt.Println(err)
	template.Must(template.New("m2").Parse("{{.k}}|")).Execute(os.Stdout, map[string]int{})
	fmt.Println()

	h := htmpl.Must(htmpl.New("page").Funcs(htmpl.FuncMap{"safe": func(s string) htmpl.HTML { return htmpl.HTML(s) }}).Parse(
		`<a href="/u?name={{.Name}}" title="{{.Title}}" onclick="f({{.Name}})">{{.Body}}</a>{{safe .Raw}}
<script>var d = {{.Data}};</script><style>p { color: {{.Color}} }</style>
<a href="{{.URL}}">x</a>`))
	err = h.Execute(os.Stdout, map[string]any{
		"Name": "O'Brien & <co>", "Title": `"quoted"`, "Body": "<script>alert(1)</script>",
		"Raw": "<i>ok</i>", "Data": map[string]any{"k": []int{1, 2}, "s": "</script>"}, "Color": "red;}", "URL": "javascript:alert(1)",
	})
	fmt.Println()
	fmt.Println(err)
	fmt.Println(htmpl.HTMLEscapeString("<&'\">"), htmpl.JSEscapeString("a\"b<"), htmpl.URLQueryEscaper("a b", "/"))
}
