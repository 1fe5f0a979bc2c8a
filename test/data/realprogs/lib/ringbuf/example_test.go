package ringbuf_test

import (
	"fmt"

	"ringbuf"
)

func ExampleRing() {
	r := ringbuf.New[rune](2)
	r.Overwrite('a')
	r.Overwrite('b')
	r.Overwrite('c')
	fmt.Println(r.Items(), r.Len(), r.Cap())
	// Output: [98 99] 2 2
}

func ExampleBytes_Write() {
	b := ringbuf.NewBytes(4)
	fmt.Fprintf(b, "%d-%s", 12345, "xyz")
	fmt.Println(b)
	// Output:
	// -xyz
}

func ExampleRing_Pop_empty() {
	r := ringbuf.New[float64](1)
	_, ok := r.Pop()
	fmt.Println(ok)
	// Output: false
}

func ExampleNew() {
	r := ringbuf.New[int](3)
	for i := 0; i < 5; i++ {
		r.Overwrite(i * i)
	}
	for _, x := range r.Items() {
		fmt.Println(x)
	}
	// Unordered output:
	// 16
	// 4
	// 9
}

func ExampleRing_String() {
	// No output comment: compiled, not run.
	fmt.Println(ringbuf.New[int](1))
}
