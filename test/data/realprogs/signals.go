// A signal handler: catches SIGINT and SIGUSR1 sent to itself, signal.Ignore, signal.Reset, NotifyContext,
// then dies of an unhandled SIGTERM... no: exits with a code chosen by the handler.
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
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGUSR1)
	pid := os.Getpid()
	syscall.Kill(pid, syscall.SIGINT)
	s := <-ch
	fmt.Println("got", s, s == os.Interrupt)
	p, _ := os.FindProcess(pid)
	p.Signal(syscall.SIGUSR1)
	s = <-ch
	fmt.Println("got", s)
	fmt.Printf("%v %d %q %#v\n", syscall.SIGUSR1, syscall.SIGUSR1, syscall.SIGHUP, syscall.SIGTERM)
	signal.Ignore(syscall.SIGHUP)
	syscall.Kill(pid, syscall.SIGHUP)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("survived SIGHUP, ignored:", signal.Ignored(syscall.SIGHUP))
	signal.Stop(ch)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGUSR2)
	syscall.Kill(pid, syscall.SIGUSR2)
	select {
	case <-ctx.Done():
		fmt.Println("context:", ctx.Err())
	case <-time.After(5 * time.Second):
		fmt.Println("no signal")
	}
	stop()
	term := make(chan os.Signal, 1)
	signal.Notify(term, syscall.SIGTERM)
	go func() {
		sig := <-term
		fmt.Println("shutting down on", sig)
		os.Exit(42)
	}()
	syscall.Kill(pid, syscall.SIGTERM)
	time.Sleep(5 * time.Second)
	fmt.Println("not reached")
}
