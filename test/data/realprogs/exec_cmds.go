// os/exec: sh -c pipelines, StdoutPipe, stdin from a string, exit codes from ExitError, environment,
// CombinedOutput, a missing program, LookPath and a two-process pipe.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
)

func main() {
	out, err := exec.Command("sh", "-c", "printf 'b\\na\\nc\\n' | sort").Output()
	fmt.Printf("%q %v\n", out, err)
	cmd := exec.Command("sh", "-c", "echo out; echo err >&2; exit 7")
	var so, se strings.Builder
	cmd.Stdout, cmd.Stderr = &so, &se
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		fmt.Println("exit code", ee.ExitCode(), err, ee.Exited(), cmd.ProcessState.ExitCode())
	}
	fmt.Printf("%q %q\n", so.String(), se.String())
	c2 := exec.Command("tr", "a-z", "A-Z")
	c2.Stdin = strings.NewReader("hello pipe\n")
	o2, err := c2.Output()
	fmt.Printf("%s %v\n", o2, err)
	c3 := exec.Command("sh", "-c", "for i in 1 2 3; do echo line$i; done")
	pipe, _ := c3.StdoutPipe()
	c3.Start()
	sc := bufio.NewScanner(pipe)
	for sc.Scan() {
		fmt.Println("got", sc.Text())
	}
	fmt.Println(c3.Wait())
	c4 := exec.Command("sh", "-c", "echo $GREETING $HOME")
	c4.Env = []string{"GREETING=hi", "HOME=/nowhere"}
	o4, _ := c4.CombinedOutput()
	fmt.Printf("%s", o4)
	_, err = exec.Command("definitely-not-a-command-xyz").Output()
	fmt.Println(err, errors.Is(err, exec.ErrNotFound))
	_, err = exec.LookPath("sh")
	fmt.Println("sh found:", err == nil)
	c5 := exec.Command("sh", "-c", "kill -TERM $$")
	err = c5.Run()
	fmt.Println(err, c5.ProcessState.ExitCode(), c5.ProcessState.Exited())
	c6 := exec.Command("sh", "-c", "pwd")
	c6.Dir = "/"
	o6, _ := c6.Output()
	fmt.Printf("%s", o6)
	// Two processes joined by an os.Pipe.
	r, w, _ := os.Pipe()
	p1 := exec.Command("sh", "-c", "echo zebra; echo apple; echo mango")
	p1.Stdout = w
	p2 := exec.Command("sort", "-r")
	p2.Stdin = r
	var sorted strings.Builder
	p2.Stdout = &sorted
	p1.Start()
	p2.Start()
	p1.Wait()
	w.Close()
	p2.Wait()
	r.Close()
	fmt.Print(sorted.String())
	c7 := exec.Command("cat")
	in, _ := c7.StdinPipe()
	var catOut strings.Builder
	c7.Stdout = &catOut
	c7.Start()
	fmt.Fprintln(in, "through stdin pipe")
	in.Close()
	c7.Wait()
	fmt.Print(catOut.String())
	fmt.Println(strings.Join(strings.Fields(exec.Command("echo", "a", "b c").String()), " "))
	envs := os.Environ()
	sort.Strings(envs)
	_ = envs
	os.Setenv("G1C_TEST_VAR", "value=1")
	v, ok := os.LookupEnv("G1C_TEST_VAR")
	fmt.Println(v, ok, os.ExpandEnv("x${G1C_TEST_VAR}y$NOPE_NOT_SET."))
	o8, _ := exec.Command("sh", "-c", "echo $G1C_TEST_VAR").Output()
	fmt.Printf("%s", o8)
	os.Unsetenv("G1C_TEST_VAR")
	_, ok = os.LookupEnv("G1C_TEST_VAR")
	fmt.Println(ok)
}
