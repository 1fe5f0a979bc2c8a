package panics

import "testing"

func TestFirst(t *testing.T) { t.Log("before the panic") }

func TestPanic(t *testing.T) { panic("boom") }

func TestAfter(t *testing.T) {}
