package main

// strconv and sort (sort.Slice: internal/reflectlite's Swapper) on rt's hooks, with lib/runtime.

import (
	"sort"
	"strconv"
)

func main() {
	println(strconv.Itoa(-1234), strconv.FormatInt(-255, 16), strconv.FormatUint(1<<64-1, 36))
	println(strconv.Quote("héllo\n\x00\u2028"), strconv.QuoteToASCII("☺ x"), strconv.QuoteRune('\''))
	for _, s := range []string{"3.14159", "1e23", "-0", "0x1p-2", "inf", "1_000.5", "2.2250738585072011e-308", "x"} {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			println(s, err.Error())
			continue
		}
		println(s, f, strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'e', 3, 32))
	}
	for _, f := range []float64{1.0 / 3, 2.5e-300, 123456789, 1e21, 5e-324, 0.1, 100} {
		println(strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f, 'G', 5, 64), strconv.FormatFloat(f, 'b', -1, 64))
	}
	for _, s := range []string{"12a", "99999999999999999999", "-0x7f", "0b101", "+12"} {
		n, err := strconv.ParseInt(s, 0, 64)
		if err != nil {
			println(err.Error())
		} else {
			println(n)
		}
	}
	u, err := strconv.Unquote(`"a\tb\u00e9"`)
	println(u, err == nil)
	b, _ := strconv.ParseBool("true")
	println(b, string(strconv.AppendInt([]byte("n="), 42, 10)))
	xs := []int{5, 2, 8, 1, 9, 3}
	sort.Ints(xs)
	println(xs[0], xs[1], xs[2], xs[3], xs[4], xs[5], sort.IntsAreSorted(xs))
	ss := []string{"pear", "apple", "fig"}
	sort.Strings(ss)
	println(ss[0], ss[1], ss[2], sort.SearchStrings(ss, "fig"))
	sort.Slice(xs, func(i, j int) bool { return xs[i] > xs[j] })
	println(xs[0], xs[5], sort.SearchInts([]int{1, 3, 5}, 4))
	type kv struct {
		k string
		v int
	}
	kvs := []kv{{"b", 2}, {"a", 2}, {"c", 1}}
	sort.SliceStable(kvs, func(i, j int) bool { return kvs[i].v < kvs[j].v })
	println(kvs[0].k, kvs[1].k, kvs[2].k)
	fs := sort.Float64Slice{2.5, -1, 3}
	sort.Sort(sort.Reverse(fs))
	println(fs[0], fs[1], fs[2])
}
