// A goroutine blocked in a read on a blocking pipe (syscall.Pipe, not managed by internal/poll) does not stop
// the others: they sleep, compute and finally write what it reads. Also syscall's raw interface: Getpid,
// Getpagesize, Errno values and messages.
package main

import (
	"os"
	"strconv"
	"syscall"
	"time"
)

func say(s string) { os.Stdout.WriteString(s + "\n") }

func main() {
	var p [2]int
	if err := syscall.Pipe(p[:]); err != nil {
		panic(err)
	}
	got := make(chan string)
	go func() {
		buf := make([]byte, 32)
		n, err := syscall.Read(p[0], buf)
		if err != nil {
			panic(err)
		}
		got <- string(buf[:n])
	}()
	ticks := 0
	tk := time.NewTicker(2 * time.Millisecond)
	for ticks < 5 {
		<-tk.C
		ticks++
	}
	tk.Stop()
	say("ticked " + strconv.Itoa(ticks) + " times while the reader waited")
	syscall.Write(p[1], []byte("hello through a raw pipe"))
	say("reader got: " + <-got)
	syscall.Close(p[0])
	syscall.Close(p[1])

	say("pid positive: " + strconv.FormatBool(syscall.Getpid() > 0) + ", ppid positive: " +
		strconv.FormatBool(syscall.Getppid() > 0))
	say("page size: " + strconv.Itoa(syscall.Getpagesize()))
	_, err := syscall.Open("/surely/not/here", syscall.O_RDONLY, 0)
	say("open error: " + err.Error() + " (" + strconv.Itoa(int(err.(syscall.Errno))) + ")")
	var tv syscall.Timeval
	syscall.Gettimeofday(&tv)
	say("time of day after 2020: " + strconv.FormatBool(tv.Sec > 1577836800))
	var st syscall.Stat_t
	say("stat /: " + strconv.FormatBool(syscall.Stat("/", &st) == nil && st.Mode&syscall.S_IFMT == syscall.S_IFDIR))
}
