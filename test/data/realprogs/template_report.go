// A report generator with text/template: pipelines, range/else, with, define/template/block, custom funcs,
// printf, index, len, comparisons, whitespace trimming, html escaping, and execution errors.
package main

import (
	"errors"
	"fmt"
	"html/template"
	"os"
	"sort"
	"strings"
	ttemplate "text/template"
)

type Employee struct {
	Name    string
	Dept    string
	Salary  float64
	Manager *Employee
	Skills  []string
	Meta    map[string]int
}

func (e Employee) Initials() string {
	var b strings.Builder
	for _, w := range strings.Fields(e.Name) {
		b.WriteByte(w[0])
	}
	return b.String()
}

func (e *Employee) Raise(pct float64) float64 { return e.Salary * (1 + pct/100) }

func (e Employee) Fail() (string, error) { return "", errors.New("no access") }

const report = `{{define "emp"}}{{.Name | printf "%-12s"}} {{.Dept | upper}} {{printf "%9.2f" .Salary}}{{with .Manager}} (reports to {{.Initials}}){{end}}{{end -}}
Report for {{.Company}} — {{len .Staff}} staff
{{range $i, $e := .Staff -}}
{{$i}}: {{template "emp" $e}} skills={{join $e.Skills ", "}}{{if gt (len $e.Skills) 1}} (multi){{end}}
{{- if $e.Meta}} meta={{range $k, $v := $e.Meta}}{{$k}}={{$v}};{{end}}{{end}}
{{else -}}
nobody
{{end -}}
{{block "footer" .}}Total: {{total .Staff | printf "%.1f"}}{{end}}
{{/* comment */ -}}
{{if and .Show (not .Hide)}}shown{{else if .Hide}}hidden{{else}}neither{{end}}
{{index .Codes 1}} {{index .Lookup "b"}} {{slice .Company 0 3}} {{len .Lookup}} {{eq .Company "ACME" "Other"}} {{lt 1 2}} {{ne 1.5 2.5}}
{{range $i, $c := .Codes}}{{if $i}},{{end}}{{$c}}{{end}} {{html "<x&y>"}} {{js "a'b"}} {{urlquery "a b&c"}} {{print 1 2 "x" 3}} {{println "p"}}
{{- $x := 5}}{{$x = add $x 10}}x={{$x}} {{(index .Staff 0).Raise 10 | printf "%.0f"}} {{call .Fn 3 4}}
{{range .Empty}}never{{else}}empty range{{end}}
`

func main() {
	funcs := ttemplate.FuncMap{
		"upper": strings.ToUpper,
		"join":  strings.Join,
		"add":   func(a, b int) int { return a + b },
		"total": func(es []*Employee) float64 {
			t := 0.0
			for _, e := range es {
				t += e.Salary
			}
			return t
		},
	}
	boss := &Employee{Name: "Grace Hopper", Dept: "eng", Salary: 200000}
	staff := []*Employee{
		boss,
		{Name: "Alan Turing", Dept: "research", Salary: 150000.5, Manager: boss, Skills: []string{"math", "crypto"}, Meta: map[string]int{"z": 1, "a": 2}},
		{Name: "Ada", Dept: "eng", Salary: 99999.999, Manager: boss, Skills: []string{"engines"}},
	}
	data := map[string]interface{}{
		"Company": "ACME",
		"Staff":   staff,
		"Show":    true,
		"Hide":    false,
		"Codes":   []int{10, 20, 30},
		"Lookup":  map[string]string{"a": "A", "b": "B"},
		"Fn":      func(a, b int) int { return a * b },
		"Empty":   []int{},
	}
	t := ttemplate.Must(ttemplate.New("report").Funcs(funcs).Parse(report))
	if err := t.Execute(os.Stdout, data); err != nil {
		fmt.Println("\nexec error:", err)
	}
	var names []string
	for _, tt := range t.Templates() {
		names = append(names, tt.Name())
	}
	sort.Strings(names)
	fmt.Println(names)
	for _, src := range []string{"{{.Missing.Field}}", "{{.Fail}}", "{{index .Codes 9}}", "{{template \"nope\"}}", "{{.Company.X}}", "{{nofunc}}", "{{if}}", "{{range .Codes}}{{end"} {
		t, err := ttemplate.New("t").Parse(src)
		if err != nil {
			fmt.Println("parse:", err)
			continue
		}
		var sb strings.Builder
		err = t.Execute(&sb, map[string]interface{}{"Codes": []int{1}, "Company": "c", "Fail": staff[0].Fail})
		fmt.Printf("exec: %q %v\n", sb.String(), err)
	}
	t2 := ttemplate.Must(ttemplate.New("e").Option("missingkey=error").Parse("{{.a}} {{.b}}"))
	fmt.Println(t2.Execute(os.Stdout, map[string]int{"a": 1}))
	h := template.Must(template.New("h").Parse(`<a href="/q?x={{.Q}}" title="{{.T}}">{{.Body}}</a><script>var v = {{.V}};</script>` + "\n"))
	h.Execute(os.Stdout, map[string]interface{}{"Q": "a b&c", "T": `"quoted"`, "Body": "<b>bold</b>", "V": map[string]int{"k": 1}})
	h2 := template.Must(template.New("h2").Parse("{{.}}\n"))
	h2.Execute(os.Stdout, template.HTML("<i>trusted</i>"))
}
