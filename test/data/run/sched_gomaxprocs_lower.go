package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"
)

func main() {
	for r := 0; r < 5; r++ {
		func() {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
			sig := make(chan os.Signal, 1)
			signal.Notify(sig, syscall.SIGUSR1)
			go func() {
				stop := time.After(100 * time.Millisecond)
				for {
					select {
					case <-stop:
						time.Sleep(10 * time.Millisecond)
						signal.Stop(sig)
						close(sig)
						return
					default:
						syscall.Kill(syscall.Getpid(), syscall.SIGUSR1)
						runtime.Gosched()
					}
				}
			}()
			for range sig {
			}
		}()
		fmt.Println("round", r)
	}
}
