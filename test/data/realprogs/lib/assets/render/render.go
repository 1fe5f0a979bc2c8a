// Package render executes the embedded templates.
package render

import (
	"bytes"
	"html/template"

	"example.com/assets"
	"example.com/assets/internal/store"
)

// Page is what the page template shows.
type Page struct {
	Title string
	Items []string
}

var tmpl = template.Must(template.ParseFS(assets.Templates(), "templates/*.tmpl"))

// Render renders the page with a footer.
func Render(p Page) (string, error) {
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, "page", p); err != nil {
		return "", err
	}
	if err := tmpl.ExecuteTemplate(&b, "footer", store.Default.Get("footer")); err != nil {
		return "", err
	}
	return b.String(), nil
}
