// A goroutine reading an empty pipe parks in the poller while the others keep running (one thread); read
// deadlines end a wait with os.ErrDeadlineExceeded; closing a pipe wakes its reader.
package main

import (
	"errors"
	"io"
	"os"
	"strconv"
	"time"
)

func main() {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	got := make(chan string)
	go func() {
		buf := make([]byte, 64)
		n, err := r.Read(buf)
		got <- "reader: " + string(buf[:n]) + " err=" + strconv.FormatBool(err != nil)
	}()
	// The reader is blocked on the empty pipe; this goroutine still computes and hands off.
	sum := 0
	for i := 0; i < 1000; i++ {
		sum += i
		if i%100 == 0 {
			time.Sleep(time.Millisecond)
		}
	}
	os.Stdout.WriteString("main ran while the reader waited: " + strconv.Itoa(sum) + "\n")
	w.WriteString("ping")
	os.Stdout.WriteString(<-got + "\n")

	// A read deadline.
	r.SetReadDeadline(time.Now().Add(10 * time.Millisecond))
	_, err = r.Read(make([]byte, 8))
	os.Stdout.WriteString("deadline exceeded: " + strconv.FormatBool(errors.Is(err, os.ErrDeadlineExceeded)) + "\n")
	r.SetReadDeadline(time.Time{})

	// Closing the writer ends the reader with EOF; several messages arrive in order.
	go func() {
		for i := 0; i < 3; i++ {
			w.WriteString("msg" + strconv.Itoa(i) + ";")
			time.Sleep(2 * time.Millisecond)
		}
		w.Close()
	}()
	all, err := io.ReadAll(r)
	os.Stdout.WriteString("read all: " + string(all) + " err=" + strconv.FormatBool(err != nil) + "\n")

	// Closing a pipe that a goroutine is reading wakes it with an error.
	r2, w2, _ := os.Pipe()
	res := make(chan error)
	go func() {
		_, err := r2.Read(make([]byte, 1))
		res <- err
	}()
	time.Sleep(5 * time.Millisecond)
	r2.Close()
	err = <-res
	os.Stdout.WriteString("closed while reading: " + strconv.FormatBool(errors.Is(err, os.ErrClosed)) + "\n")
	w2.Close()
}
