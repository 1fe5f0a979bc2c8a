//go:build linux && amd64
// +build linux,amd64

package main

//go:noinline
func classify(n int) string {
	if n < 0 {
		return "negative"
	} else if n == 0 {
		return "zero"
	}
	switch {
	case n%2 == 0:
		return "even"
	default:
	}
	return "odd"
}

func main() {
	sum := 0
outer:
	for i := 0; i < 10; i++ {
		for j := range [3]int{} {
			if j == 2 {
				continue outer
			}
			sum += i * j
		}
		if sum > 50 {
			break outer
		}
	}
	switch x := sum % 3; x {
	case 0, 1:
		fallthrough
	case 2:
		sum--
	}
	var v interface{} = sum
	switch t := v.(type) {
	case int, int64:
		_ = t
	case nil:
	}
	ch := make(chan int, 1)
	select {
	case ch <- 1:
	case x, ok := <-ch:
		_, _ = x, ok
	default:
	}
	for k, v := range map[string]int{"a": 1} {
		_, _ = k, v
	}
	for {
		goto done
	}
done:
	println(classify(sum))
}
