// Signals at both ends of the numbering: 1 (SIGHUP) and 64 (SIGRTMAX), whose pending bit is the word's top.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	c := make(chan os.Signal, 4)
	signal.Notify(c, syscall.Signal(64), syscall.SIGHUP)
	for _, s := range []syscall.Signal{64, syscall.SIGHUP, 64} {
		if err := syscall.Kill(os.Getpid(), s); err != nil {
			fmt.Println("kill:", err)
			return
		}
		got := <-c
		fmt.Println("got", int(got.(syscall.Signal)), got)
	}
	signal.Stop(c)
}
