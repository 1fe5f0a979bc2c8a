// errors.Is/As/Unwrap with %w wrapping chains, custom Is and As methods, and sentinel errors from std.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
)

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

type Temporary interface{ Temporary() bool }

type netErr struct{ msg string }

func (e *netErr) Error() string   { return e.msg }
func (e *netErr) Temporary() bool { return true }
func (e *netErr) Is(target error) bool {
	return target == io.ErrUnexpectedEOF
}

type codeErr struct {
	code int
	err  error
}

func (e *codeErr) Error() string { return strconv.Itoa(e.code) + ": " + e.err.Error() }
func (e *codeErr) Unwrap() error { return e.err }
func (e *codeErr) As(target interface{}) bool {
	if p, ok := target.(*int); ok {
		*p = e.code
		return true
	}
	return false
}

func lookup(k string) error {
	if k == "" {
		return &codeErr{400, errors.New("empty key")}
	}
	return fmt.Errorf("lookup %q: %w", k, NotFound{k})
}

func main() {
	err := fmt.Errorf("layer2: %w", fmt.Errorf("layer1: %w", lookup("x")))
	fmt.Println(err)
	var nf NotFound
	fmt.Println(errors.As(err, &nf), nf.Key)
	fmt.Println(errors.Is(err, NotFound{"x"}), errors.Is(err, NotFound{"y"}))
	for e := err; e != nil; e = errors.Unwrap(e) {
		fmt.Printf("  %T: %v\n", e, e)
	}
	err = lookup("")
	var code int
	fmt.Println(err, err.(interface{ As(interface{}) bool }).As(&code), code)
	ne := fmt.Errorf("io: %w", &netErr{"conn reset"})
	var tmp Temporary
	fmt.Println(errors.As(ne, &tmp), tmp.Temporary(), errors.Is(ne, io.ErrUnexpectedEOF), errors.Is(ne, io.EOF))
	_, err = os.Open("/nonexistent/file")
	var pe *fs.PathError
	fmt.Println(err, errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrNotExist), errors.As(err, &pe), pe.Op, pe.Path, pe.Err)
	fmt.Println(fmt.Errorf("no wrap: %v", io.EOF), errors.Unwrap(fmt.Errorf("no wrap: %v", io.EOF)))
	e2 := fmt.Errorf("%w and %w", io.EOF, io.ErrClosedPipe)
	fmt.Println(e2, errors.Is(e2, io.EOF))
	fmt.Printf("%v|%s|%q|%+v|%#v\n", io.EOF, io.EOF, io.EOF, NotFound{"k"}, NotFound{"k"})
	var nilErr *netErr
	var iface error = nilErr
	fmt.Println(iface == nil, nilErr == nil)
	fmt.Println(errors.Is(nil, io.EOF), errors.Is(io.EOF, nil), errors.Unwrap(nil))
	defer func() {
		r := recover()
		fmt.Println("panic:", r)
	}()
	errors.As(err, nil)
}
