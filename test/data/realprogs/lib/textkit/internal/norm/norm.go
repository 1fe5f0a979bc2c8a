// Package norm folds text for comparison.
package norm

import "strings"

// Fold lower-cases s and replaces a few accented letters by their base letters.
func Fold(s string) string {
	return strings.NewReplacer("é", "e", "è", "e", "ü", "u", "ö", "o", "ä", "a").Replace(strings.ToLower(s))
}
