// os/exec (fork and exec, pipes between processes, exit statuses) and os/signal (Notify, Ignore, Stop,
// Reset) as gc runs them.
package main

import (
	"bufio"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func say(s string) { os.Stdout.WriteString(s + "\n") }

func main() {
	out, err := exec.Command("echo", "hello", "world").Output()
	if err != nil {
		panic(err)
	}
	say("echo: " + strings.TrimSpace(string(out)))

	cmd := exec.Command("tr", "a-z", "A-Z")
	cmd.Stdin = strings.NewReader("piped through tr\n")
	var sb strings.Builder
	cmd.Stdout = &sb
	if err := cmd.Run(); err != nil {
		panic(err)
	}
	say("tr: " + strings.TrimSpace(sb.String()))

	// A pipeline: seq | sort -rn | head -3, connected by os.Pipe-backed StdoutPipe.
	seq := exec.Command("seq", "1", "2000")
	sorter := exec.Command("sort", "-rn")
	head := exec.Command("head", "-3")
	p1, _ := seq.StdoutPipe()
	sorter.Stdin = p1
	p2, _ := sorter.StdoutPipe()
	head.Stdin = p2
	hout, _ := head.StdoutPipe()
	for _, c := range []*exec.Cmd{seq, sorter, head} {
		if err := c.Start(); err != nil {
			panic(err)
		}
	}
	sc := bufio.NewScanner(hout)
	var top []string
	for sc.Scan() {
		top = append(top, sc.Text())
	}
	head.Wait()
	sorter.Wait()
	seq.Wait()
	say("pipeline: " + strings.Join(top, ","))

	err = exec.Command("sh", "-c", "echo to-stderr >&2; exit 7").Run()
	if ee, ok := err.(*exec.ExitError); ok {
		say("exit code: " + strconv.Itoa(ee.ExitCode()) + " (" + ee.Error() + ")")
	}
	out, _ = exec.Command("sh", "-c", "echo out; echo err >&2").CombinedOutput()
	say("combined: " + strconv.Quote(string(out)))
	_, err = exec.LookPath("surely-not-a-command-g1c")
	say("lookpath: " + err.Error())
	c := exec.Command("sh", "-c", "echo $G1C_CHILD_VAR")
	c.Env = append(os.Environ(), "G1C_CHILD_VAR=from-parent")
	out, _ = c.Output()
	say("child env: " + strings.TrimSpace(string(out)))

	// Signals.
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGUSR1)
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	select {
	case s := <-ch:
		say("got signal: " + s.String())
	case <-time.After(5 * time.Second):
		say("no signal")
	}
	signal.Ignore(syscall.SIGUSR2)
	say("SIGUSR2 ignored: " + strconv.FormatBool(signal.Ignored(syscall.SIGUSR2)))
	syscall.Kill(os.Getpid(), syscall.SIGUSR2)
	signal.Stop(ch)
	signal.Reset()
	say("SIGUSR2 ignored after reset: " + strconv.FormatBool(signal.Ignored(syscall.SIGUSR2)))

	// A child killed by a signal.
	k := exec.Command("sleep", "10")
	k.Start()
	k.Process.Signal(syscall.SIGTERM)
	err = k.Wait()
	say("killed: " + err.Error())
}
