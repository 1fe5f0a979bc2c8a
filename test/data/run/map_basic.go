package main

type K struct {
	a int
	s string
}

func main() {
	m := make(map[string]int)
	m["a"] = 1
	m["b"] = 2
	m["a"] += 10
	println(len(m), m["a"], m["b"], m["c"])
	v, ok := m["b"]
	println(v, ok)
	v, ok = m["zz"]
	println(v, ok)
	delete(m, "a")
	println(len(m))
	sum := 0
	for k, v := range m {
		sum += v
		println(k)
	}
	println(sum)
	m2 := map[K][]int{{1, "x"}: {1, 2}, {2, "y"}: nil}
	println(len(m2), len(m2[K{1, "x"}]))
	big := map[int]int{}
	for i := 0; i < 1000; i++ {
		big[i] = i * i
	}
	t := 0
	for k, v := range big {
		if k*k != v {
			println("bad")
		}
		t += k
	}
	println(len(big), t)
	for k := range big {
		if k%2 == 0 {
			delete(big, k)
		}
	}
	println(len(big))
	var nm map[string]int
	println(nm["x"], len(nm))
	fm := map[float64]int{}
	nan := 0.0
	nan = nan / nan
	fm[nan] = 1
	fm[nan] = 2
	println(len(fm))
	im := map[interface{}]string{1: "int", "a": "str"}
	println(im[1], im["a"], im[2.0] == "")
	nm["x"] = 1
}
