package main

// A map-heavy loop: insert, look up and delete int keys, and count string keys.

func main() {
	m := make(map[int]int)
	for i := 0; i < 1000000; i++ {
		m[i*7919%1000003] = i
	}
	sum := 0
	for i := 0; i < 2000000; i++ {
		sum += m[i%1000003]
	}
	for i := 0; i < 1000000; i += 2 {
		delete(m, i*7919%1000003)
	}
	words := make(map[string]int)
	names := []string{"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
	for i := 0; i < 1000000; i++ {
		words[names[i%len(names)]+names[i*3%len(names)]]++
	}
	println(len(m), sum, len(words), words["alphaalpha"])
}
