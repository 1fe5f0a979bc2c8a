// strings/unicode/regexp utilities: Replacer, Map, FieldsFunc, EqualFold, Title-casing, utf8 decoding of
// bad input, unicode tables, named submatches, ReplaceAllStringFunc, Expand, Split, Longest.
package main

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

func main() {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;")
	fmt.Println(r.Replace(`<a href="x">Tom & Jerry</a>`))
	r2 := strings.NewReplacer("a", "1", "aa", "2", "aaa", "3", "", "-")
	fmt.Println(r2.Replace("aaaa b"))
	rot13 := func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+13)%26
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+13)%26
		case r == '!':
			return -1
		}
		return r
	}
	fmt.Println(strings.Map(rot13, "Hello, World!"))
	fmt.Printf("%q\n", strings.FieldsFunc("a1b22c333;;d", func(r rune) bool { return unicode.IsDigit(r) || r == ';' }))
	fmt.Printf("%q %q\n", strings.Fields("  \t a  b\u00a0c\u2003d \n"), strings.SplitAfterN("a,b,c,d", ",", 3))
	fmt.Println(strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("Gopher", "GOPHER"), strings.EqualFold("σ", "Σ"))
	fmt.Println(strings.ToUpper("ǆ straße ﬁ"), strings.ToLower("İSTANBUL"), strings.ToTitle("ǆ"), strings.Title("hello wide world"))
	fmt.Println(strings.ToUpperSpecial(unicode.TurkishCase, "istanbul"), strings.ToValidUTF8("a\xffb\xfe\xfdc", "?"))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.LastIndexAny("go gopher", "ordx"), strings.IndexFunc("Hello, 世界", unicode.IsUpper), strings.IndexRune("chicken", 'k'))
	fmt.Println(strings.TrimFunc("¡¡¡Hello, Gophers!!!", unicode.IsPunct), strings.TrimLeft("xxhixx", "x"), strings.TrimPrefix("prefix-body", "prefix-"), strings.Trim(" \t x \n", " \t\n"))
	bad := "a\xc3\x28b\xe2\x82c\xf0\x9f\x98\x80"
	for i, r := range bad {
		fmt.Printf("%d:%U ", i, r)
	}
	fmt.Println(utf8.ValidString(bad), utf8.RuneCountInString(bad))
	buf := []byte(bad)
	for len(buf) > 0 {
		r, size := utf8.DecodeLastRune(buf)
		fmt.Printf("%q/%d ", r, size)
		buf = buf[:len(buf)-size]
	}
	fmt.Println()
	enc := utf8.AppendRune(nil, 0x10FFFF)
	fmt.Println(enc, utf8.RuneLen(-1), utf8.RuneLen(0xD800), utf8.FullRune([]byte{0xe2, 0x82}))
	u16 := utf16.Encode([]rune("a😀b"))
	fmt.Println(u16, string(utf16.Decode(u16)), utf16.IsSurrogate(0xD83D))
	counts := map[string]int{}
	for _, r := range "Hello, 世界! Ünïcödé 123 ٣ Ⅻ\t" {
		for name, tab := range map[string]*unicode.RangeTable{"L": unicode.Letter, "Lu": unicode.Upper, "N": unicode.Number, "Nd": unicode.Digit, "P": unicode.Punct, "Z": unicode.Space, "Han": unicode.Han, "Latin": unicode.Latin} {
			if unicode.Is(tab, r) {
				counts[name]++
			}
		}
	}
	var ks []string
	for k, v := range counts {
		ks = append(ks, fmt.Sprintf("%s=%d", k, v))
	}
	sort.Strings(ks)
	fmt.Println(ks, unicode.In('é', unicode.Latin, unicode.Greek), unicode.SimpleFold('A'), unicode.SimpleFold('k'), unicode.ToTitle('ǆ'))

	re := regexp.MustCompile(`(?P<key>\w+)\s*=\s*(?P<val>"[^"]*"|\S+)`)
	src := `name = "gopher" age=13 lang= go empty=""`
	for _, m := range re.FindAllStringSubmatch(src, -1) {
		fmt.Printf("%q ", m[1:])
	}
	fmt.Println(re.SubexpNames(), re.SubexpIndex("val"), re.NumSubexp())
	fmt.Println(re.FindAllStringSubmatchIndex(src, 2))
	fmt.Println(re.ReplaceAllString(src, "${val}:$key"), re.ReplaceAllLiteralString(src, "$1"))
	var dst []byte
	for _, sm := range re.FindAllStringSubmatchIndex(src, -1) {
		dst = re.ExpandString(dst, "[$key]", src, sm)
	}
	fmt.Println(string(dst))
	words := regexp.MustCompile(`\b[a-z]+\b`)
	fmt.Println(words.ReplaceAllStringFunc("go is fun, Rust too", strings.ToUpper))
	fmt.Println(regexp.MustCompile(`a+?`).FindString("aaa"), regexp.MustCompile(`(a|ab)(c|bcd)`).FindString("abcd"))
	lre := regexp.MustCompile(`(a|ab)(c|bcd)`)
	lre.Longest()
	fmt.Println(lre.FindString("abcd"), lre.String())
	fmt.Printf("%q\n", regexp.MustCompile(`\s*[,;]\s*`).Split("a , b;c ;  d", -1))
	fmt.Printf("%q\n", regexp.MustCompile(`x*`).Split("axbxxc", -1))
	fmt.Println(regexp.QuoteMeta("1.5+2*[x]"), regexp.MustCompile(`(?i)héllo`).MatchString("HÉLLO"), regexp.MustCompile(`^\p{Greek}+$`).MatchString("αβγ"))
	_, err := regexp.Compile(`a(b`)
	fmt.Println(err)
	_, err = regexp.Compile(`x{1001}`)
	fmt.Println(err)
	m := regexp.MustCompile(`(?m)^(\d+)\.\s(.*)$`)
	fmt.Printf("%q\n", m.FindAllStringSubmatch("1. one\n2. two\nthree\n10. ten", -1))
	fmt.Println(m.ReplaceAll([]byte("1. one\n2. two"), []byte("$2=$1")))
	b := regexp.MustCompile(`o`).ReplaceAllFunc([]byte("foo boo"), bytes.ToUpper)
	fmt.Println(string(b), regexp.MustCompile(`(?s)a.b`).MatchString("a\nb"), regexp.MustCompile(`a.b`).MatchString("a\nb"))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		regexp.MustCompile(`*`)
	}()
}
