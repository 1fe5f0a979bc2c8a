//go:build ignore

package lib

var Ignored = 1
