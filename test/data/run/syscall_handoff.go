// A goroutine blocked in a read system call on a pipe (syscall.Read: no poller) does not stop the others,
// even on one P: the P is handed to another thread while the call blocks.
package main

import (
	"fmt"
	"runtime"
	"syscall"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	var p [2]int
	if err := syscall.Pipe(p[:]); err != nil {
		panic(err)
	}
	got := make(chan string)
	go func() {
		buf := make([]byte, 16)
		n, err := syscall.Read(p[0], buf)
		got <- fmt.Sprint(string(buf[:n]), " ", err)
	}()
	// The reader blocks; timers, new goroutines and channels keep working meanwhile.
	time.Sleep(20 * time.Millisecond)
	sums := make(chan int)
	for i := 1; i <= 10; i++ {
		go func(i int) { sums <- i * i }(i)
	}
	total := 0
	for i := 0; i < 10; i++ {
		total += <-sums
	}
	fmt.Println("others ran:", total)
	syscall.Write(p[1], []byte("hello"))
	fmt.Println("reader got:", <-got)
}
