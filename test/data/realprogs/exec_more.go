// os/exec: pipes between commands, stdin feeding, exit codes, ExitError, environment, LookPath failures.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

func main() {
	out, err := exec.Command("sh", "-c", "echo hello; echo err >&2; exit 3").Output()
	fmt.Printf("%q %v\n", out, err)
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		fmt.Println(ee.ExitCode(), string(ee.Stderr), ee.Exited(), ee.Success())
	}
	comb, err := exec.Command("sh", "-c", "echo a; echo b >&2").CombinedOutput()
	fmt.Printf("%q %v\n", comb, err)
	cmd := exec.Command("tr", "a-z", "A-Z")
	cmd.Stdin = strings.NewReader("shout this\n")
	var buf bytes.Buffer
	cmd.Stdout = &buf
	fmt.Println(cmd.Run(), buf.String(), cmd.ProcessState.ExitCode(), cmd.ProcessState.Success())

	gen := exec.Command("sh", "-c", "for i in 3 1 2 5 4; do echo line$i; done")
	sorter := exec.Command("sort", "-r")
	pipe, _ := gen.StdoutPipe()
	sorter.Stdin = pipe
	sout, _ := sorter.StdoutPipe()
	sorter.Start()
	gen.Start()
	sc := bufio.NewScanner(sout)
	for sc.Scan() {
		fmt.Print(sc.Text(), ",")
	}
	fmt.Println(gen.Wait(), sorter.Wait())

	c := exec.Command("sh", "-c", "cat; echo \"$GREETING $0\"", "arg0")
	c.Env = append(os.Environ(), "GREETING=hi")
	in, _ := c.StdinPipe()
	o, _ := c.StdoutPipe()
	c.Start()
	io.WriteString(in, "from stdin\n")
	in.Close()
	b, _ := io.ReadAll(o)
	fmt.Printf("%q %v\n", b, c.Wait())

	_, err = exec.LookPath("definitely-not-a-command-xyz")
	fmt.Println(err, errors.Is(err, exec.ErrNotFound))
	err = exec.Command("definitely-not-a-command-xyz").Run()
	fmt.Println(err)
	err = exec.Command("sh", "-c", "kill -9 $$").Run()
	fmt.Println(err)
	if errors.As(err, &ee) {
		fmt.Println(ee.ExitCode(), ee.String())
	}
	c2 := exec.Command("sh", "-c", "pwd")
	c2.Dir = "/"
	o2, _ := c2.Output()
	fmt.Printf("%q\n", o2)
	fmt.Println(exec.Command("echo", "x", "y z").String())
	c3 := exec.Command("true")
	c3.Run()
	fmt.Println(c3.Run())
}
