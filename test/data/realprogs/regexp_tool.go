// A grep-like tool with regexp: submatches, named groups, ReplaceAllStringFunc, Split, Longest, POSIX, and
// compile errors.
package main

import (
	"fmt"
	"regexp"
	"strings"
)

const logText = `2023-01-02 10:00:01 INFO  user=alice action=login ip=10.0.0.1
2023-01-02 10:05:17 WARN  user=bob action=failed_login ip=192.168.1.20
2023-01-02 11:00:00 ERROR user=carol action=crash code=500
not a log line
2023-01-03 09:30:45 INFO  user=alice action=logout ip=10.0.0.1`

func main() {
	re := regexp.MustCompile(`^(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>[\d:]+) (?P<level>\w+)\s+(?P<kv>.*)$`)
	kv := regexp.MustCompile(`(\w+)=(\S+)`)
	fmt.Println(re.SubexpNames(), re.NumSubexp(), re.SubexpIndex("level"))
	for _, line := range strings.Split(logText, "\n") {
		m := re.FindStringSubmatch(line)
		if m == nil {
			fmt.Printf("no match: %q\n", line)
			continue
		}
		fields := kv.FindAllStringSubmatch(m[re.SubexpIndex("kv")], -1)
		var parts []string
		for _, f := range fields {
			parts = append(parts, f[1]+"->"+f[2])
		}
		fmt.Printf("%s %s [%s] %v\n", m[1], m[2], m[3], parts)
	}
	ip := regexp.MustCompile(`\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b`)
	fmt.Println(ip.FindAllString(logText, -1), ip.FindAllStringIndex(logText, 2))
	fmt.Println(ip.ReplaceAllString(logText[:70], "$4.$3.$2.$1"), ip.ReplaceAllLiteralString("x 1.2.3.4", "$1"))
	fmt.Println(regexp.MustCompile(`a+`).ReplaceAllStringFunc("caaat baa", strings.ToUpper))
	fmt.Println(regexp.MustCompile(`\s*[,;]\s*`).Split("a , b;c ;; d", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`x*`).Split("axbxxc", -1))
	re2 := regexp.MustCompile(`(a|ab)(c|bcd)(d*)`)
	fmt.Println(re2.FindStringSubmatch("abcd"))
	re2.Longest()
	fmt.Println(re2.FindStringSubmatch("abcd"))
	fmt.Println(regexp.MustCompilePOSIX(`(a|ab)(c|bcd)(d*)`).FindStringSubmatch("abcd"))
	for _, bad := range []string{`a(b`, `*x`, `[z-a]`, `\8`, `(?P<n>a)(?P<n>b)`, `x{2,1}`, `a**`} {
		_, err := regexp.Compile(bad)
		fmt.Println(err)
	}
	fmt.Println(regexp.QuoteMeta("1+1=2? [yes] {ok} $5.00 ^_^"))
	tpl := regexp.MustCompile(`(?m)^(\w+):\s*(.+)$`)
	var dst []byte
	for _, sm := range tpl.FindAllSubmatchIndex([]byte("name: g1c\nlang: go\n"), -1) {
		dst = tpl.Expand(dst, []byte("$2=${1}\n"), []byte("name: g1c\nlang: go\n"), sm)
	}
	fmt.Print(string(dst))
	fmt.Println(regexp.MustCompile(`(?i)héllo|wörld`).FindAllString("HÉLLO Wörld hello", -1))
	fmt.Println(regexp.MustCompile(`[\p{Greek}]+`).FindString("abc αβγ def"), regexp.MustCompile(`^$`).MatchString(""))
	m, err := regexp.MatchString(`^\d+$`, "12345")
	fmt.Println(m, err, regexp.MustCompile(`(?s)a.b`).MatchString("a\nb"), regexp.MustCompile(`a.b`).MatchString("a\nb"))
	fmt.Println(re.String())
	fmt.Println(regexp.MustCompile(`abc`).LiteralPrefix())
	defer func() { fmt.Println("recovered:", recover()) }()
	regexp.MustCompile(`(`)
}
