// Package iter has lazy sequences over closures.
package iter

// Seq yields values to a function until it returns false.
type Seq[T any] func(yield func(T) bool)

func Of[T any](xs ...T) Seq[T] {
	return func(yield func(T) bool) {
		for _, x := range xs {
			if !yield(x) {
				return
			}
		}
	}
}

func Range(lo, hi int) Seq[int] {
	return func(yield func(int) bool) {
		for i := lo; i < hi; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Map[T, U any](s Seq[T], f func(T) U) Seq[U] {
	return func(yield func(U) bool) { s(func(t T) bool { return yield(f(t)) }) }
}

func Filter[T any](s Seq[T], f func(T) bool) Seq[T] {
	return func(yield func(T) bool) {
		s(func(t T) bool { return !f(t) || yield(t) })
	}
}

func Take[T any](s Seq[T], n int) Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		s(func(t T) bool {
			i++
			return yield(t) && i < n
		})
	}
}

func Collect[T any](s Seq[T]) []T {
	var out []T
	s(func(t T) bool { out = append(out, t); return true })
	return out
}

func Zip[A, B any](a Seq[A], b []B) Seq[struct {
	A A
	B B
}] {
	return func(yield func(struct {
		A A
		B B
	}) bool) {
		i := 0
		a(func(x A) bool {
			if i >= len(b) {
				return false
			}
			i++
			return yield(struct {
				A A
				B B
			}{x, b[i-1]})
		})
	}
}
