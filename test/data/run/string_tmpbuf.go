package main

import (
	"fmt"
	"strings"
)

// Conversions and concatenations whose result cannot outlive the frame build it in a temporary buffer in
// the frame (gc's tmpBuf) when it fits; results that escape, or do not fit, are on the heap. Results kept
// across loop iterations, in maps, in globals and in interfaces must stay intact.

var sink string
var keep []string

func index(s string, r rune) int { return strings.Index(s, string(r)) }

func equalFold(b []byte, s string) bool { return strings.EqualFold(string(b), s) }

func concatLen(a, b string) int { return len(a + "/" + b) }

func escapes(b []byte) string { return string(b) }

func runes(s string) int {
	n := 0
	for _, r := range []rune(s) {
		if r > 127 {
			n++
		}
	}
	return n
}

func bytesUpper(s string) string {
	b := []byte(s)
	for i := range b {
		if 'a' <= b[i] && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}

func main() {
	hay := "test世界"
	word := []byte("HeLLo")
	fmt.Println(index(hay, '世'), equalFold(word, "hello"), concatLen("ab", "cd"), runes(hay))

	// Results that outlive the frame.
	m := map[string]int{}
	var ifs []any
	for i := 0; i < 4; i++ {
		b := []byte{'k', byte('0' + i)}
		m[string(b)] = i
		keep = append(keep, string(b)+"!")
		ifs = append(ifs, string(rune('a'+i)))
		sink = escapes(b)
	}
	fmt.Println(m, keep, ifs, sink, bytesUpper("mixed Case"))

	// A long result does not fit the buffer; a one-byte one needs none.
	long := strings.Repeat("x", 40)
	fmt.Println(len(escapes([]byte(long))), escapes([]byte{'q'}), concatLen(long, long))

	// Strings made in a loop from the same buffer, each used before the next.
	total := 0
	for i := 0; i < 100; i++ {
		s := string(rune('A' + i%26))
		total += strings.Index("ABCDEFGHIJKLMNOPQRSTUVWXYZ", s)
	}
	fmt.Println(total)
}
