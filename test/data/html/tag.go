package main

// tag's string constants hold `<` and `&`: the page must show them escaped.
func tag(s string) string {
	if s == "&" {
		return "<b>&amp;</b>"
	}
	return "<b>" + s + "</b>"
}

func main() {
	println(tag("&"), tag("x"))
}
