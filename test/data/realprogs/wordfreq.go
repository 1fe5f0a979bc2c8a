// Word frequencies with maps, sort.Slice by count then word, and a text histogram.
package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

const text = `It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair.`

type wc struct {
	word  string
	count int
}

func main() {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	var list []wc
	for w, c := range counts {
		list = append(list, wc{w, c})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].word < list[j].word
	})
	fmt.Println("total words:", len(words), "distinct:", len(counts))
	for _, e := range list[:10] {
		fmt.Printf("%-12s %3d %s\n", e.word, e.count, strings.Repeat("*", e.count))
	}
	// Letters by frequency, sorted keys.
	letters := map[rune]int{}
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters[unicode.ToLower(r)]++
		}
	}
	keys := make([]rune, 0, len(letters))
	for k := range letters {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var sb strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&sb, "%c=%d ", k, letters[k])
	}
	fmt.Println(strings.TrimSpace(sb.String()))
	// Map printing is sorted by fmt.
	fmt.Println(map[string]int{"z": 1, "a": 2, "m": 3})
	fmt.Printf("%v\n", map[int]bool{3: true, 1: false, 2: true})
	// Delete during iteration, then len.
	for k := range counts {
		if len(k) <= 3 {
			delete(counts, k)
		}
	}
	fmt.Println("long words:", len(counts))
	sorted := sort.StringSlice{"pear", "apple", "fig"}
	sorted.Sort()
	fmt.Println(sorted, sort.SearchStrings(sorted, "fig"), sort.IsSorted(sorted))
	ints := []int{5, 2, 8, 1, 9}
	sort.Sort(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
}
