// Package stats computes summary statistics; some of its tests fail on purpose.
package stats

import (
	"errors"
	"math"
	"sort"
)

// ErrEmpty is returned for an empty sample.
var ErrEmpty = errors.New("stats: empty sample")

// Mean returns the arithmetic mean.
func Mean(xs []float64) (float64, error) {
	if len(xs) == 0 {
		return 0, ErrEmpty
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs)), nil
}

// Median returns the middle value (off by design for even lengths: it takes the upper one).
func Median(xs []float64) (float64, error) {
	if len(xs) == 0 {
		return 0, ErrEmpty
	}
	c := append([]float64(nil), xs...)
	sort.Float64s(c)
	return c[len(c)/2], nil
}

// StdDev returns the population standard deviation.
func StdDev(xs []float64) (float64, error) {
	m, err := Mean(xs)
	if err != nil {
		return 0, err
	}
	v := 0.0
	for _, x := range xs {
		v += (x - m) * (x - m)
	}
	return math.Sqrt(v / float64(len(xs))), nil
}
