// Package clock is the time source of lrucache: real or manual ticks.
package clock

// Clock gives the current time in ticks.
type Clock interface{ Now() int64 }

// Manual is a clock that moves only when told.
type Manual struct{ T int64 }

// Now returns the manual time.
func (m *Manual) Now() int64 { return m.T }

// Advance moves the clock forward by d ticks.
func (m *Manual) Advance(d int64) { m.T += d }
