package render_test

import (
	_ "embed"
	"fmt"
	"strings"
	"testing"

	"example.com/assets/render"
)

//go:embed testdata/expected.html
var expected string

func TestRender(t *testing.T) {
	got, err := render.Render(render.Page{Title: "Fruits & <Veg>", Items: []string{"apple", "<b>kiwi</b>"}})
	if err != nil {
		t.Fatal(err)
	}
	if got != strings.TrimSuffix(expected, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, expected)
	}
}

func BenchmarkRender(b *testing.B) {
	for i := 0; i < b.N; i++ {
		render.Render(render.Page{Title: "t", Items: []string{"a", "b", "c"}})
	}
}

func ExampleRender() {
	s, _ := render.Render(render.Page{Title: "Hi", Items: []string{"x"}})
	fmt.Println(s)
	// Output:
	// <h1>Hi</h1>
	// <li>x</li>
	// -- made with assets --
}
