// Package lib is imported by app under another name.
package lib

const Answer = 42

type T struct{ n int }

func (t *T) N() int { return t.n }

func hidden() {}
