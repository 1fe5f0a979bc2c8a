package main

// errors and internal/reflectlite (errors.As) on rt's hooks (rt/src/gohooks.rs), with lib/runtime.

import "errors"

type codeErr struct{ code int }

func (e *codeErr) Error() string { return "code error" }

type wrapped struct{ inner error }

func (w wrapped) Error() string { return "wrapped: " + w.inner.Error() }
func (w wrapped) Unwrap() error { return w.inner }

func main() {
	base := errors.New("base")
	println(base.Error(), errors.Unwrap(base) == nil, errors.Is(base, base), errors.Is(base, errors.New("base")))
	w := wrapped{&codeErr{7}}
	var ce *codeErr
	println(errors.As(w, &ce), ce.code, errors.Unwrap(w) == w.inner)
	var target interface{ Unwrap() error }
	println(errors.As(w, &target), target.Unwrap().Error())
	w2 := wrapped{base}
	println(errors.Is(w2, base), errors.Is(w2, w.inner))
	defer func() { println("recovered:", recover().(string)[:20]) }()
	errors.As(w, nil)
}
