// log with custom flags, prefixes, Lmsgprefix, Lshortfile, its own writer, log.New instances, and log.Panic
// recovered; ends with log.Fatalf (exit 1).
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
)

func main() {
	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	log.Println("plain line")
	log.SetPrefix("[app] ")
	log.Printf("value=%d", 42)
	log.SetFlags(log.Lmsgprefix)
	log.Print("prefix after flags")
	log.SetFlags(log.Lshortfile)
	log.Println("with file")
	var buf bytes.Buffer
	l := log.New(&buf, "svc: ", log.Lshortfile|log.Lmsgprefix)
	l.Println("first")
	l.Printf("second %v", []int{1, 2})
	l.Output(1, "via output")
	fmt.Print(buf.String())
	fmt.Println(l.Prefix(), l.Flags() == log.Lshortfile|log.Lmsgprefix, log.Prefix())
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		log.Panicf("bad state %d", 7)
	}()
	e := log.New(os.Stderr, "ERR ", 0)
	e.Println("to stderr")
	log.Default().SetPrefix("")
	log.SetFlags(0)
	log.SetOutput(os.Stderr)
	defer fmt.Println("deferred: not run by Fatal")
	log.Fatalf("fatal: %s", "giving up")
}
