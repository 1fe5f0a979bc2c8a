// Package assets serves templates and metadata embedded in the binary.
package assets

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

//go:embed VERSION
var versionFile string

// Version returns the key=value pairs of the embedded VERSION file.
func Version() map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(versionFile), "\n") {
		k, v, ok := strings.Cut(line, "=")
		if ok {
			out[k] = v
		}
	}
	return out
}

// Names lists the embedded template files.
func Names() ([]string, error) {
	var names []string
	err := fs.WalkDir(templateFS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	return names, err
}

// Templates returns the file system holding the templates.
func Templates() fs.FS { return templateFS }

// Describe formats the metadata for humans.
func Describe() string {
	v := Version()
	return fmt.Sprintf("%s v%s", v["name"], v["version"])
}
