// os/exec pipelines: sh -c, sort fed through stdin, piping one command into another, exit codes of
// children (*exec.ExitError), LookPath errors, environment, CombinedOutput, Output with Stderr.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

func main() {
	out, err := exec.Command("sh", "-c", "echo hello; echo world >&2; exit 0").CombinedOutput()
	fmt.Printf("%q %v\n", out, err)

	cmd := exec.Command("sort", "-r")
	cmd.Stdin = strings.NewReader("banana\napple\ncherry\n")
	var sorted bytes.Buffer
	cmd.Stdout = &sorted
	fmt.Println(cmd.Run(), sorted.String())

	// producer | consumer through an os pipe
	prod := exec.Command("sh", "-c", "for i in 3 1 2; do echo line$i; done")
	cons := exec.Command("sort")
	r, w := io.Pipe()
	prod.Stdout = w
	cons.Stdin = r
	var cout bytes.Buffer
	cons.Stdout = &cout
	if err := prod.Start(); err != nil {
		panic(err)
	}
	if err := cons.Start(); err != nil {
		panic(err)
	}
	prod.Wait()
	w.Close()
	cons.Wait()
	fmt.Print(cout.String())

	p1 := exec.Command("printf", "c\\na\\nb\\n")
	p2 := exec.Command("sort")
	pipe, _ := p1.StdoutPipe()
	p2.Stdin = pipe
	p1.Start()
	o, err := p2.Output()
	p1.Wait()
	fmt.Printf("%q %v\n", o, err)

	err = exec.Command("sh", "-c", "exit 3").Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		fmt.Println("exit error:", err, ee.ExitCode(), ee.Exited(), ee.Success())
	}
	_, err = exec.Command("sh", "-c", "echo oops >&2; exit 1").Output()
	if errors.As(err, &ee) {
		fmt.Printf("stderr captured: %q\n", ee.Stderr)
	}
	err = exec.Command("definitely-not-a-command-xyz").Run()
	fmt.Println(err, errors.Is(err, exec.ErrNotFound))
	_, err = exec.LookPath("sh")
	fmt.Println("sh found:", err == nil)

	c := exec.Command("sh", "-c", "echo $GREETING $HOME_X")
	c.Env = append(os.Environ(), "GREETING=hi", "HOME_X=there")
	o, _ = c.Output()
	fmt.Printf("%s", o)

	c = exec.Command("pwd")
	c.Dir = "/"
	o, _ = c.Output()
	fmt.Printf("%s", o)

	c = exec.Command("sh", "-c", "kill -TERM $$")
	err = c.Run()
	fmt.Println("signaled:", err)
	c = exec.Command("cat")
	in, _ := c.StdinPipe()
	outp, _ := c.StdoutPipe()
	c.Start()
	go func() {
		fmt.Fprintln(in, "through cat")
		in.Close()
	}()
	b, _ := io.ReadAll(outp)
	fmt.Println(c.Wait(), strings.TrimSpace(string(b)), c.ProcessState.ExitCode(), c.ProcessState.Success())
	fmt.Println(exec.Command("true").String())
}
