// signal.Notify with a self-sent SIGINT and SIGUSR1, Stop/Reset, and signal.NotifyContext.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGUSR1)
	p, _ := os.FindProcess(os.Getpid())
	p.Signal(syscall.SIGUSR1)
	s := <-ch
	fmt.Printf("got %v (%d) %T\n", s, s.(syscall.Signal), s)
	syscall.Kill(syscall.Getpid(), syscall.SIGINT)
	select {
	case s := <-ch:
		fmt.Println("got", s, s == os.Interrupt)
	case <-time.After(5 * time.Second):
		fmt.Println("timeout")
	}
	signal.Ignore(syscall.SIGUSR2)
	syscall.Kill(syscall.Getpid(), syscall.SIGUSR2)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("survived SIGUSR2", signal.Ignored(syscall.SIGUSR2), signal.Ignored(syscall.SIGUSR1))
	signal.Stop(ch)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGHUP)
	defer stop()
	syscall.Kill(syscall.Getpid(), syscall.SIGHUP)
	select {
	case <-ctx.Done():
		fmt.Println("ctx:", ctx.Err())
	case <-time.After(5 * time.Second):
		fmt.Println("timeout")
	}
	fmt.Println(syscall.SIGTERM, syscall.SIGKILL, syscall.Signal(0), syscall.SIGSEGV.String())
	signal.Reset()
	signal.Notify(make(chan os.Signal, 1), syscall.SIGTERM)
	signal.Reset(syscall.SIGTERM)
	fmt.Println("sending SIGTERM to self")
	os.Stdout.Sync()
	syscall.Kill(syscall.Getpid(), syscall.SIGTERM)
	time.Sleep(2 * time.Second)
	fmt.Println("not reached")
}
