package main

// Closures that hold the only pointers to heap objects, stored in slices and called after many collections.

type Counter struct {
	n    int
	hist []int
}

func makeCounter(start int) (func() int, func() int) {
	c := &Counter{n: start}
	inc := func() int {
		c.n++
		c.hist = append(c.hist, c.n)
		return c.n
	}
	sum := func() int {
		s := 0
		for _, v := range c.hist {
			s += v
		}
		return s
	}
	return inc, sum
}

func churn(n int) int {
	x := 0
	for i := 0; i < n; i++ {
		f := func(a int) *[16]int {
			var arr [16]int
			arr[a%16] = a
			return &arr
		}
		x += f(i)[i%16]
	}
	return x
}

func main() {
	var incs, sums []func() int
	for i := 0; i < 1000; i++ {
		inc, sum := makeCounter(i * 100)
		incs = append(incs, inc)
		sums = append(sums, sum)
	}
	g := 0
	for round := 0; round < 20; round++ {
		for _, inc := range incs {
			inc()
		}
		g += churn(20000)
	}
	total := 0
	for _, sum := range sums {
		total += sum()
	}
	println("total:", total, "garbage:", g)
}
