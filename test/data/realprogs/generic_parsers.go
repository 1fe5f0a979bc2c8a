// Generic parser combinators, monoid folds with interface-constrained type parameters, and the *T
// constraint pattern (PtrTo[T]) with explicit partial instantiation.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type Parser[T any] func(string) (T, string, error)

func Char(c byte) Parser[byte] {
	return func(s string) (byte, string, error) {
		if len(s) == 0 || s[0] != c {
			return 0, s, fmt.Errorf("expected %q", c)
		}
		return c, s[1:], nil
	}
}

func Many[T any](p Parser[T]) Parser[[]T] {
	return func(s string) ([]T, string, error) {
		var out []T
		for {
			v, rest, err := p(s)
			if err != nil {
				return out, s, nil
			}
			out = append(out, v)
			s = rest
		}
	}
}

func OneOf[T any](ps ...Parser[T]) Parser[T] {
	return func(s string) (T, string, error) {
		var errs []error
		for _, p := range ps {
			v, rest, err := p(s)
			if err == nil {
				return v, rest, nil
			}
			errs = append(errs, err)
		}
		var zero T
		return zero, s, fmt.Errorf("none matched: %v", errs)
	}
}

func Map[T, U any](p Parser[T], f func(T) (U, error)) Parser[U] {
	return func(s string) (U, string, error) {
		v, rest, err := p(s)
		if err != nil {
			var zero U
			return zero, s, err
		}
		u, err := f(v)
		return u, rest, err
	}
}

func Digit() Parser[byte] {
	var ps []Parser[byte]
	for c := byte('0'); c <= '9'; c++ {
		ps = append(ps, Char(c))
	}
	return OneOf(ps...)
}

func Number() Parser[int] {
	return Map(Many(Digit()), func(ds []byte) (int, error) {
		if len(ds) == 0 {
			return 0, errors.New("no digits")
		}
		return strconv.Atoi(string(ds))
	})
}

type Monoid[T any] interface {
	Empty() T
	Combine(a, b T) T
}

type sumM struct{}

func (sumM) Empty() int           { return 0 }
func (sumM) Combine(a, b int) int { return a + b }

type strM struct{ sep string }

func (strM) Empty() string { return "" }
func (m strM) Combine(a, b string) string {
	if a == "" {
		return b
	}
	return a + m.sep + b
}

func Fold[T any, M Monoid[T]](m M, xs []T) T {
	acc := m.Empty()
	for _, x := range xs {
		acc = m.Combine(acc, x)
	}
	return acc
}

type Getter[T any] interface {
	Get() T
}

type box[T any] struct{ v T }

func (b box[T]) Get() T { return b.v }

func GetAll[T any, G Getter[T]](gs []G) []T {
	var out []T
	for _, g := range gs {
		out = append(out, g.Get())
	}
	return out
}

type PtrTo[T any] interface {
	*T
	Set(string) error
}

type Port int

func (p *Port) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil {
		return err
	}
	if n < 0 || n > 65535 {
		return fmt.Errorf("port %d out of range", n)
	}
	*p = Port(n)
	return nil
}

func ParseAll[T any, P PtrTo[T]](ss []string) ([]T, error) {
	out := make([]T, len(ss))
	for i, s := range ss {
		if err := P(&out[i]).Set(s); err != nil {
			return out[:i], fmt.Errorf("item %d: %w", i, err)
		}
	}
	return out, nil
}

func Keys[M ~map[K]V, K comparable, V any](m M) int { return len(m) }

type Registry map[string]func() any

func main() {
	n, rest, err := Number()("1234abc")
	fmt.Println(n, rest, err)
	_, rest, err = Number()("abc")
	fmt.Println(rest, err)
	fmt.Println(Fold[int](sumM{}, []int{1, 2, 3}), Fold[string](strM{", "}, []string{"a", "b", "c"}))
	fmt.Println(GetAll[int]([]box[int]{{1}, {2}}))
	ports, err := ParseAll[Port]([]string{"80", "443", "70000", "1"})
	fmt.Println(ports, err)
	ports, err = ParseAll[Port]([]string{"22"})
	fmt.Println(ports, err)
	fmt.Println(Keys(Registry{"a": nil}))
}
