package require_test

import (
	"strconv"
	"testing"

	"assertkit/require"
)

type fakeT struct {
	testing.TB
	failedNow bool
	errs      []string
}

func (f *fakeT) Errorf(format string, args ...interface{}) { f.errs = append(f.errs, format) }
func (f *fakeT) FailNow()                                  { f.failedNow = true }
func (f *fakeT) Helper()                                   {}

func TestRequireStops(t *testing.T) {
	f := &fakeT{}
	require.Equal(f, 1, 2)
	if !f.failedNow || len(f.errs) != 1 {
		t.Fatalf("FailNow not called: %+v", f)
	}
}

func TestRequireNoError(t *testing.T) {
	n, err := strconv.Atoi("12")
	require.NoError(t, err)
	require.Equal(t, 12, n)
	f := &fakeT{}
	_, err = strconv.Atoi("x")
	require.NoError(f, err, "parsing %q", "x")
	if !f.failedNow {
		t.Fatal("no FailNow")
	}
}

func TestSubtests(t *testing.T) {
	for _, s := range []string{"1", "22", "333"} {
		s := s
		t.Run("n="+s, func(t *testing.T) {
			n, err := strconv.Atoi(s)
			require.NoError(t, err)
			require.Equal(t, len(s), len(strconv.Itoa(n)))
		})
	}
}
