// os/signal: Notify for SIGUSR1, SIGUSR2 and SIGHUP delivered by syscall.Kill to ourselves, Stop, Ignore,
// Reset, and signal.NotifyContext.
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
	ch := make(chan os.Signal, 4)
	signal.Notify(ch, syscall.SIGUSR1, syscall.SIGUSR2)
	pid := os.Getpid()
	syscall.Kill(pid, syscall.SIGUSR1)
	s := <-ch
	fmt.Println("got", s, s == syscall.SIGUSR1)
	syscall.Kill(pid, syscall.SIGUSR2)
	fmt.Println("got", <-ch)
	signal.Ignore(syscall.SIGHUP)
	syscall.Kill(pid, syscall.SIGHUP)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("survived SIGHUP, ignored:", signal.Ignored(syscall.SIGHUP))
	signal.Stop(ch)
	signal.Reset(syscall.SIGHUP)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT)
	defer stop()
	syscall.Kill(pid, syscall.SIGINT)
	<-ctx.Done()
	fmt.Println("ctx:", ctx.Err())
	ch2 := make(chan os.Signal, 1)
	signal.Notify(ch2)
	syscall.Kill(pid, syscall.SIGWINCH)
	fmt.Println("all:", <-ch2)
	fmt.Println(syscall.SIGTERM, syscall.SIGKILL.String(), syscall.Signal(0))
	signal.Reset()
	fmt.Println("now default SIGTERM")
	syscall.Kill(pid, syscall.SIGTERM)
	time.Sleep(time.Second)
	fmt.Println("unreachable")
}
