// signal.NotifyContext, Notify/Stop/Ignore/Reset with SIGUSR1/SIGUSR2/SIGHUP sent to self.
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
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGUSR1)
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	select {
	case <-ctx.Done():
		fmt.Println("ctx done:", ctx.Err())
	case <-time.After(5 * time.Second):
		fmt.Println("timeout")
	}
	stop()
	fmt.Println(ctx)

	ch := make(chan os.Signal, 4)
	signal.Notify(ch, syscall.SIGUSR2, syscall.SIGHUP)
	p, _ := os.FindProcess(os.Getpid())
	p.Signal(syscall.SIGUSR2)
	s := <-ch
	fmt.Println("got", s, s == syscall.SIGUSR2)
	p.Signal(syscall.SIGHUP)
	s = <-ch
	fmt.Printf("got %v %d\n", s, s.(syscall.Signal))
	signal.Ignore(syscall.SIGHUP)
	fmt.Println(signal.Ignored(syscall.SIGHUP), signal.Ignored(syscall.SIGUSR2))
	p.Signal(syscall.SIGHUP)
	select {
	case s := <-ch:
		fmt.Println("unexpected", s)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("hup ignored")
	}
	signal.Stop(ch)
	all := make(chan os.Signal, 1)
	signal.Notify(all)
	p.Signal(syscall.SIGWINCH)
	fmt.Println("all:", <-all)
	signal.Reset()
	fmt.Println(syscall.SIGUSR1, syscall.SIGSEGV, syscall.Signal(0), syscall.Signal(99))
	fmt.Println("exiting via SIGUSR1")
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	time.Sleep(time.Second)
	fmt.Println("not reached")
}
