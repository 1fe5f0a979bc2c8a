package textkit_test

import (
	"fmt"

	"example.com/textkit"
)

func ExampleReverse() {
	fmt.Println(textkit.Reverse("stressed"))
	// Output: desserts
}

func ExampleTopWords() {
	for _, wc := range textkit.TopWords("a b a c b a", 5) {
		fmt.Println(wc.Word, wc.Count)
	}
	// Output:
	// a 3
	// b 2
	// c 1
}

func ExampleSlug() {
	s, _ := textkit.Slug("Hello, Gophers!")
	fmt.Println(s)
	_, err := textkit.Slug("")
	fmt.Println(err)
	// Output:
	// hello-gophers
	// textkit: empty input
}

func ExampleDistance_unordered() {
	for _, w := range []string{"book", "back", "boom"} {
		fmt.Println(w, textkit.Distance("book", w))
	}
	// Unordered output:
	// boom 1
	// book 0
	// back 2
}

// An example without output is compiled but not run.
func ExampleWordCount() {
	_ = textkit.WordCount{Word: "x", Count: 1}
}
