// Package assertkit is a small testify-style assertion library: Equal, DeepEqual diffs, ErrorIs,
// Panics, Eventually; failure messages carry the caller's file:line found with runtime.Caller.
package assertkit

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"time"
)

// TestingT is the part of *testing.T the assertions need.
type TestingT interface {
	Errorf(format string, args ...interface{})
}

type helper interface{ Helper() }

// CallerInfo lists file:line of the frames outside this package, innermost first, up to the test runner.
func CallerInfo() []string {
	var out []string
	for i := 1; ; i++ {
		pc, file, line, ok := runtime.Caller(i)
		if !ok {
			break
		}
		fn := runtime.FuncForPC(pc)
		if fn == nil {
			break
		}
		name := fn.Name()
		if name == "testing.tRunner" {
			break
		}
		if strings.Contains(name, "assertkit.") && !strings.HasSuffix(file, "_test.go") {
			continue
		}
		out = append(out, fmt.Sprintf("%s:%d", filepath.Base(file), line))
	}
	return out
}

// Fail reports a failure with the caller trace and an optional message.
func Fail(t TestingT, failure string, msgAndArgs ...interface{}) bool {
	if h, ok := t.(helper); ok {
		h.Helper()
	}
	msg := messageFromArgs(msgAndArgs...)
	var b strings.Builder
	fmt.Fprintf(&b, "\n\tError Trace:\t%s\n\tError:      \t%s", strings.Join(CallerInfo(), "\n\t            \t"), indent(failure))
	if msg != "" {
		fmt.Fprintf(&b, "\n\tMessages:   \t%s", msg)
	}
	t.Errorf("%s", b.String())
	return false
}

func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n\t            \t") }

func messageFromArgs(msgAndArgs ...interface{}) string {
	switch len(msgAndArgs) {
	case 0:
		return ""
	case 1:
		if s, ok := msgAndArgs[0].(string); ok {
			return s
		}
		return fmt.Sprintf("%+v", msgAndArgs[0])
	default:
		return fmt.Sprintf(msgAndArgs[0].(string), msgAndArgs[1:]...)
	}
}

// ObjectsAreEqual is reflect.DeepEqual, with []byte compared by content.
func ObjectsAreEqual(expected, actual interface{}) bool {
	if expected == nil || actual == nil {
		return expected == actual
	}
	if e, ok := expected.([]byte); ok {
		a, ok := actual.([]byte)
		return ok && string(e) == string(a)
	}
	return reflect.DeepEqual(expected, actual)
}

// Diff renders the two values with %#v, line per field, marking lines that differ.
func Diff(expected, actual interface{}) string {
	split := func(v interface{}) []string {
		s := fmt.Sprintf("%#v", v)
		s = strings.ReplaceAll(s, ", ", ",\n")
		s = strings.ReplaceAll(s, "{", "{\n")
		return strings.Split(s, "\n")
	}
	e, a := split(expected), split(actual)
	var b strings.Builder
	for i := 0; i < len(e) || i < len(a); i++ {
		var x, y string
		if i < len(e) {
			x = e[i]
		}
		if i < len(a) {
			y = a[i]
		}
		if x == y {
			fmt.Fprintf(&b, "  %s\n", x)
			continue
		}
		if x != "" {
			fmt.Fprintf(&b, "- %s\n", x)
		}
		if y != "" {
			fmt.Fprintf(&b, "+ %s\n", y)
		}
	}
	return b.String()
}

// Equal asserts that the two values are deeply equal.
func Equal(t TestingT, expected, actual interface{}, msgAndArgs ...interface{}) bool {
	if h, ok := t.(helper); ok {
		h.Helper()
	}
	if reflect.TypeOf(expected) != nil && reflect.TypeOf(expected).Kind() == reflect.Func {
		return Fail(t, fmt.Sprintf("Invalid operation: %#v == %#v (cannot take func type as argument)", expected, actual), msgAndArgs...)
	}
	if !ObjectsAreEqual(expected, actual) {
		return Fail(t, fmt.Sprintf("Not equal: \nexpected: %#v\nactual  : %#v\n\nDiff:\n%s", expected, actual, Diff(expected, actual)), msgAndArgs...)
	}
	return true
}

// NotEqual asserts that the values differ.
func NotEqual(t TestingT, expected, actual interface{}, msgAndArgs ...interface{}) bool {
	if ObjectsAreEqual(expected, actual) {
		return Fail(t, fmt.Sprintf("Should not be: %#v", actual), msgAndArgs...)
	}
	return true
}

// NoError asserts err is nil.
func NoError(t TestingT, err error, msgAndArgs ...interface{}) bool {
	if err != nil {
		return Fail(t, fmt.Sprintf("Received unexpected error:\n%+v", err), msgAndArgs...)
	}
	return true
}

// ErrorIs asserts errors.Is(err, target).
func ErrorIs(t TestingT, err, target error, msgAndArgs ...interface{}) bool {
	if errors.Is(err, target) {
		return true
	}
	return Fail(t, fmt.Sprintf("Target error should be in err chain:\nexpected: %q\nin chain: %q", target, err), msgAndArgs...)
}

// ErrorAs asserts errors.As(err, target).
func ErrorAs(t TestingT, err error, target interface{}, msgAndArgs ...interface{}) bool {
	if errors.As(err, target) {
		return true
	}
	return Fail(t, fmt.Sprintf("Should be in error chain:\nexpected: %s\nin chain: %v", reflect.TypeOf(target).Elem(), err), msgAndArgs...)
}

// Panics asserts that f panics, and returns the value.
func Panics(t TestingT, f func(), msgAndArgs ...interface{}) (ok bool) {
	didPanic, value := checkPanic(f)
	if !didPanic {
		return Fail(t, fmt.Sprintf("func %#v should panic\n\tPanic value:\t%#v", reflect.ValueOf(f).Type().String(), value), msgAndArgs...)
	}
	return true
}

// PanicsWithValue asserts that f panics with the given value.
func PanicsWithValue(t TestingT, expected interface{}, f func(), msgAndArgs ...interface{}) bool {
	didPanic, value := checkPanic(f)
	if !didPanic || !ObjectsAreEqual(expected, value) {
		return Fail(t, fmt.Sprintf("func should panic with value:\t%#v\n\tPanic value:\t%#v", expected, value), msgAndArgs...)
	}
	return true
}

func checkPanic(f func()) (didPanic bool, value interface{}) {
	didPanic = true
	defer func() {
		value = recover()
	}()
	f()
	didPanic = false
	return
}

// Len asserts the length of a slice, map, string, array or channel.
func Len(t TestingT, object interface{}, length int, msgAndArgs ...interface{}) bool {
	v := reflect.ValueOf(object)
	switch v.Kind() {
	case reflect.Slice, reflect.Map, reflect.String, reflect.Array, reflect.Chan:
	default:
		return Fail(t, fmt.Sprintf("\"%v\" could not be applied builtin len()", object), msgAndArgs...)
	}
	if v.Len() != length {
		return Fail(t, fmt.Sprintf("\"%v\" should have %d item(s), but has %d", object, length, v.Len()), msgAndArgs...)
	}
	return true
}

// ElementsMatch asserts the two lists hold the same elements, in any order.
func ElementsMatch(t TestingT, listA, listB interface{}, msgAndArgs ...interface{}) bool {
	a, b := reflect.ValueOf(listA), reflect.ValueOf(listB)
	used := make([]bool, b.Len())
	var extraA []interface{}
	for i := 0; i < a.Len(); i++ {
		found := false
		for j := 0; j < b.Len(); j++ {
			if !used[j] && ObjectsAreEqual(a.Index(i).Interface(), b.Index(j).Interface()) {
				used[j], found = true, true
				break
			}
		}
		if !found {
			extraA = append(extraA, a.Index(i).Interface())
		}
	}
	var extraB []interface{}
	for j := 0; j < b.Len(); j++ {
		if !used[j] {
			extraB = append(extraB, b.Index(j).Interface())
		}
	}
	if len(extraA) == 0 && len(extraB) == 0 {
		return true
	}
	return Fail(t, fmt.Sprintf("elements differ\nextra in A: %#v\nextra in B: %#v", extraA, extraB), msgAndArgs...)
}

// Eventually asserts that cond becomes true within waitFor, polling every tick.
func Eventually(t TestingT, cond func() bool, waitFor, tick time.Duration, msgAndArgs ...interface{}) bool {
	deadline := time.NewTimer(waitFor)
	defer deadline.Stop()
	ticker := time.NewTicker(tick)
	defer ticker.Stop()
	for {
		select {
		case <-deadline.C:
			return Fail(t, "Condition never satisfied", msgAndArgs...)
		case <-ticker.C:
			if cond() {
				return true
			}
		}
	}
}
