// Package wrap breaks text into lines of a given width.
package wrap

import (
	"fmt"
	"strings"
)

// WidthError reports a width too small to hold anything.
type WidthError int

func (w WidthError) Error() string { return fmt.Sprintf("wrap: width %d too small", int(w)) }

// Lines wraps text at width columns, never splitting words (a longer word gets a line of its own).
func Lines(text string, width int) ([]string, error) {
	if width < 1 {
		return nil, WidthError(width)
	}
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(text) {
		if cur.Len() > 0 && cur.Len()+1+len(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines, nil
}
