// os/exec: a shell-less pipeline (tr | sort | uniq -c), StdinPipe, exit codes, env, CommandContext, LookPath.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

func main() {
	words := "the quick brown fox jumps over the lazy dog the fox"
	tr := exec.Command("tr", " ", "\n")
	tr.Stdin = strings.NewReader(words)
	sortc := exec.Command("sort")
	uniq := exec.Command("uniq", "-c")
	var err error
	sortc.Stdin, err = tr.StdoutPipe()
	if err != nil {
		panic(err)
	}
	uniq.Stdin, err = sortc.StdoutPipe()
	if err != nil {
		panic(err)
	}
	var out bytes.Buffer
	uniq.Stdout = &out
	for _, c := range []*exec.Cmd{tr, sortc, uniq} {
		if err := c.Start(); err != nil {
			panic(err)
		}
	}
	for _, c := range []*exec.Cmd{tr, sortc, uniq} {
		if err := c.Wait(); err != nil {
			fmt.Println("wait:", err)
		}
	}
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		fmt.Printf("%s=%s ", f[1], f[0])
	}
	fmt.Println()

	cat := exec.Command("cat", "-n")
	in, _ := cat.StdinPipe()
	stdout, _ := cat.StdoutPipe()
	cat.Start()
	go func() {
		defer in.Close()
		for i := 0; i < 3; i++ {
			fmt.Fprintf(in, "line %d\n", i)
		}
	}()
	all, _ := io.ReadAll(stdout)
	fmt.Print(string(all))
	fmt.Println(cat.Wait(), cat.ProcessState.ExitCode(), cat.ProcessState.Success())

	for _, code := range []int{0, 1, 3, 255} {
		c := exec.Command("sh", "-c", fmt.Sprintf("echo out; echo err >&2; exit %d", code))
		var so, se bytes.Buffer
		c.Stdout, c.Stderr = &so, &se
		err := c.Run()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			fmt.Printf("code %d: %v exit=%d %q %q\n", code, err, ee.ExitCode(), so.String(), se.String())
		} else {
			fmt.Printf("code %d: %v %q\n", code, err, so.String())
		}
	}
	o, err := exec.Command("sh", "-c", "echo hi >&2; exit 2").Output()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		fmt.Printf("Output: %q %v stderr=%q\n", o, err, ee.Stderr)
	}
	co, err := exec.Command("sh", "-c", "echo a; echo b >&2").CombinedOutput()
	fmt.Printf("%q %v\n", co, err)
	_, err = exec.Command("definitely-not-a-command-xyz").Output()
	fmt.Println(err, errors.Is(err, exec.ErrNotFound))
	_, err = exec.LookPath("sh")
	fmt.Println("sh found:", err == nil)
	env := exec.Command("sh", "-c", "echo $FOO-$BAR")
	env.Env = append(os.Environ(), "FOO=foo", "BAR=bar")
	eo, _ := env.Output()
	fmt.Printf("%s", eo)
	dir := exec.Command("pwd")
	dir.Dir = "/"
	do, _ := dir.Output()
	fmt.Printf("%s", do)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = exec.CommandContext(ctx, "sleep", "5").Run()
	fmt.Println(err, ctx.Err(), time.Since(start) < 3*time.Second)
	c := exec.Command("sh", "-c", "kill -TERM $$")
	err = c.Run()
	fmt.Println(err, c.ProcessState.ExitCode(), c.ProcessState.String())
	c = exec.Command("echo", "x")
	fmt.Println(c.String())
	c.Run()
	fmt.Println(c.Run())
}
