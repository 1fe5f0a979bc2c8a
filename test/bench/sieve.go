// Slices, bounds-checked indexing and nested loops: the sieve of Eratosthenes.
package main

func sieve(n int) []bool {
	composite := make([]bool, n+1)
	for i := 2; i*i <= n; i++ {
		if composite[i] {
			continue
		}
		for j := i * i; j <= n; j += i {
			composite[j] = true
		}
	}
	return composite
}

func main() {
	const n = 2000000
	composite := sieve(n)
	count, last := 0, 0
	for i := 2; i <= n; i++ {
		if !composite[i] {
			count++
			last = i
		}
	}
	println("primes", count, "largest", last)
}
