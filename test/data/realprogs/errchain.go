// Error wrapping chains: %w, errors.Is/As/Unwrap, custom Is methods, sentinel errors, os errors.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return "query " + strconv.Quote(e.Query) + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type TempErr struct{ code int }

func (t TempErr) Error() string           { return fmt.Sprintf("temporary (%d)", t.code) }
func (t TempErr) Is(target error) bool    { _, ok := target.(TempErr); return ok }
func (t TempErr) Temporary() bool         { return true }

type multi []error

func (m multi) Error() string { return fmt.Sprint(len(m), " errors") }

func find(k string) error {
	if k == "" {
		return &QueryError{k, ErrNotFound}
	}
	if k == "t" {
		return fmt.Errorf("layer2: %w", fmt.Errorf("layer1: %w", TempErr{7}))
	}
	return nil
}

func main() {
	err := fmt.Errorf("handler: %w", find(""))
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Is(err, io.EOF))
	var qe *QueryError
	if errors.As(err, &qe) {
		fmt.Printf("as: %q %v\n", qe.Query, qe.Err)
	}
	fmt.Println(errors.Unwrap(err) == error(qe), errors.Unwrap(errors.Unwrap(errors.Unwrap(err))))
	err = find("t")
	fmt.Println(err, errors.Is(err, TempErr{}))
	var te interface{ Temporary() bool }
	fmt.Println(errors.As(err, &te), te.Temporary())
	var t2 TempErr
	fmt.Println(errors.As(err, &t2), t2.code)
	fmt.Println(fmt.Errorf("no wrap: %v", ErrNotFound), errors.Unwrap(fmt.Errorf("no wrap: %v", ErrNotFound)))
	e2 := fmt.Errorf("twice %w and %w", io.EOF, ErrNotFound)
	fmt.Println(e2, errors.Unwrap(e2))
	fmt.Println(fmt.Errorf("bad %w", "str"))
	fmt.Println(fmt.Errorf("nil %w", nil))
	_, err = os.Open("/definitely/not/here.txt")
	fmt.Println(err, errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	var pe *fs.PathError
	fmt.Println(errors.As(err, &pe), pe.Op, pe.Path, pe.Err)
	_, err = strconv.Atoi("12a")
	var ne *strconv.NumError
	fmt.Println(err, errors.As(err, &ne), ne.Func, ne.Num, ne.Err == strconv.ErrSyntax)
	_, err = strconv.ParseInt("99999999999999999999", 10, 64)
	fmt.Println(err, errors.Is(err, strconv.ErrRange))
	var m error = multi{io.EOF, io.ErrUnexpectedEOF}
	fmt.Printf("%v %T %d\n", m, m, len(m.(multi)))
	var nilq *QueryError
	var asErr error = nilq
	fmt.Println(asErr == nil, asErr != nil)
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		errors.As(err, nil)
	}()
	func() {
		defer func() {
			fmt.Println("inner:", recover())
		}()
		var x int
		errors.As(err, &x)
	}()
	errors.As(err, qe)
}
