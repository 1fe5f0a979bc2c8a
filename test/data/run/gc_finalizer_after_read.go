package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"time"
)

// runtime.GC must not find the caller's dead objects in the stale slots of rt's frames below the caller
// (the stack is scanned conservatively): an object dropped before the call is collected and its finalizer
// runs, as io's TestMultiReaderFreesExhaustedReaders checks.
func main() {
	var mr io.Reader
	closed := make(chan struct{})
	func() {
		buf1 := bytes.NewReader([]byte("foo"))
		buf2 := bytes.NewReader([]byte("bar"))
		mr = io.MultiReader(buf1, buf2)
		runtime.SetFinalizer(buf1, func(*bytes.Reader) {
			close(closed)
		})
	}()
	buf := make([]byte, 4)
	n, err := io.ReadFull(mr, buf)
	fmt.Println(n, err, string(buf))
	runtime.GC()
	select {
	case <-closed:
		fmt.Println("finalized")
	case <-time.After(5 * time.Second):
		fmt.Println("timeout")
	}
	n, err = io.ReadFull(mr, buf[:2])
	fmt.Println(n, err, string(buf[:2]))
}
