// Package shapes has exported and unexported methods, for use through embedding and interfaces.
package shapes

import "g1ctest/log"

var Count = log.Say("shapes: var Count")

type Rect struct {
	W, H int
	name string
}

func New(w, h int, name string) *Rect { return &Rect{w, h, name} }

func (r *Rect) Area() int     { return r.W * r.H }
func (r *Rect) label() string { return r.name }
func (r Rect) Name() string   { return r.label() }

// Labeler has an unexported method: only types of this package (or embedding them) satisfy it.
type Labeler interface{ label() string }

func Label(l Labeler) string { return l.label() }

type Areaer interface{ Area() int }

// Sum adds the areas of shapes given as interfaces.
func Sum(as ...Areaer) int {
	t := 0
	for _, a := range as {
		t += a.Area()
	}
	return t
}

type Err struct{ Code int }

func (e *Err) Error() string { return "shapes: error " + string(rune('0'+e.Code)) }
