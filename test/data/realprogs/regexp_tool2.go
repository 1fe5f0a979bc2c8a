// regexp: submatches, named groups, ReplaceAllStringFunc, Expand, FindAllIndex, Split, Longest, literal
// prefixes, and compile errors.
package main

import (
	"fmt"
	"regexp"
	"strings"
)

func main() {
	logRe := regexp.MustCompile(`^(?P<date>\d{4}-\d{2}-\d{2}) (?P<level>[A-Z]+) \[(?P<mod>[^\]]+)\] (?P<msg>.*)$`)
	lines := []string{
		"2024-01-02 INFO [http] GET /index 200",
		"2024-01-02 ERROR [db] connection refused",
		"garbage line",
		"2024-01-03 WARN [http] slow request: 1234ms",
	}
	for _, l := range lines {
		m := logRe.FindStringSubmatch(l)
		if m == nil {
			fmt.Println("no match:", l)
			continue
		}
		for i, n := range logRe.SubexpNames() {
			if n != "" {
				fmt.Printf("%s=%q ", n, m[i])
			}
		}
		fmt.Println(logRe.SubexpIndex("msg"))
	}
	email := regexp.MustCompile(`(?i)([a-z0-9._%+-]+)@([a-z0-9.-]+\.[a-z]{2,})`)
	text := "Contact: Ann@Example.com, bob.smith@mail.co.uk; not-an-email@x"
	fmt.Println(email.FindAllString(text, -1))
	fmt.Println(email.FindAllStringSubmatchIndex(text, -1))
	fmt.Println(email.ReplaceAllString(text, "<$2:$1>"))
	fmt.Println(email.ReplaceAllString(text, "${1}_at_$2"))
	fmt.Println(email.ReplaceAllLiteralString(text, "$1"))
	fmt.Println(email.ReplaceAllStringFunc(text, strings.ToUpper))
	num := regexp.MustCompile(`\d+`)
	fmt.Println(num.ReplaceAllStringFunc("a1 b22 c333", func(s string) string { return fmt.Sprint(len(s)) }))
	fmt.Println(num.Split("a1b22c333d", -1), num.Split("a1b22c", 2), num.FindAllStringIndex("x12y345", -1))
	var dst []byte
	tmpl := []byte("$key -> $value\n")
	kv := regexp.MustCompile(`(?m)(?P<key>\w+):\s*(?P<value>\w+)$`)
	src := []byte("alpha: 1\nbeta: two\ngamma:3")
	for _, sm := range kv.FindAllSubmatchIndex(src, -1) {
		dst = kv.Expand(dst, tmpl, src, sm)
	}
	fmt.Print(string(dst))
	re := regexp.MustCompile(`a+?`)
	fmt.Println(re.FindString("aaa"))
	re.Longest()
	fmt.Println(re.FindString("aaa"))
	fmt.Println(regexp.MustCompile(`^hello`).LiteralPrefix())
	fmt.Println(regexp.QuoteMeta("1+1=2? [yes]"), regexp.MustCompile(`x*`).ReplaceAllString("abc", "-"))
	fmt.Println(regexp.MatchString(`^[a-z]+\[[0-9]+\]$`, "adam[23]"))
	for _, bad := range []string{`a(b`, `[z-a]`, `x**`, `(?P<n>a)(?P<n>b)`, `\8`, `a{1001}`} {
		_, err := regexp.Compile(bad)
		fmt.Println(err)
	}
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		regexp.MustCompile(`(`)
	}()
	u := regexp.MustCompile(`\p{Greek}+|\PL+`)
	fmt.Printf("%q\n", u.FindAllString("abc αβγ 123 δ", -1))
	fmt.Println(regexp.MustCompile(`(a)(b)?`).FindStringSubmatch("a"), len(regexp.MustCompile(`(a)(b)?`).FindStringSubmatch("a")[2]))
	fmt.Println(regexp.MustCompile(`(?s)a.b`).MatchString("a\nb"), regexp.MustCompile(`a.b`).MatchString("a\nb"))
	fmt.Println(regexp.MustCompile(`\bgo\b`).FindAllStringIndex("go gopher go", -1), regexp.MustCompile(`(\w+)\s(\w+)`).ReplaceAllString("hello world", "$2 $1"))
	fmt.Println(regexp.MustCompile(`[[:alpha:]]+`).FindAllString("abc123def", -1), regexp.MustCompile(`.`).NumSubexp(), logRe.NumSubexp())
	fmt.Println(logRe.String())
}
