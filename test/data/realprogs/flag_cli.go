// A CLI with package flag: defaults, custom Value types, durations, usage output on a bad flag
// (to stderr, exit status 2), and log with fixed flags.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"time"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func parse(args []string) {
	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	fs.SetOutput(os.Stdout)
	verbose := fs.Bool("v", false, "verbose output")
	n := fs.Int("n", 3, "number of `items`")
	name := fs.String("name", "world", "who to greet")
	d := fs.Duration("timeout", 2*time.Second, "how long to wait")
	rate := fs.Float64("rate", 0.5, "sampling rate")
	var tags listFlag
	fs.Var(&tags, "tag", "a tag (repeatable)")
	err := fs.Parse(args)
	fmt.Printf("args=%q err=%v\n", args, err)
	if err != nil {
		return
	}
	fmt.Println(*verbose, *n, *name, *d, *rate, tags, fs.Args(), fs.NArg(), fs.NFlag())
	fs.Visit(func(f *flag.Flag) { fmt.Print(f.Name, "=", f.Value, " ") })
	fmt.Println()
}

func main() {
	parse([]string{"-v", "-n", "5", "--name=gopher", "-tag", "a", "-tag=b", "rest", "-x"})
	parse([]string{"-timeout", "1m30s", "-rate=2e-3", "--", "-v"})
	parse([]string{"-n", "notanumber"})
	parse([]string{"-undefined"})
	parse([]string{"-h"})
	parse([]string{"-v=maybe"})
	log.SetFlags(0)
	log.SetPrefix("tool: ")
	log.Println("to stderr with a prefix")
	l := log.New(os.Stdout, "[out] ", log.Lmsgprefix)
	l.Printf("value %d", 42)
	log.SetFlags(log.Lshortfile)
	log.Print("with a file name")
	fs := flag.NewFlagSet("strict", flag.ExitOnError)
	fs.Int("count", 1, "a count")
	fs.Parse([]string{"-count", "x"})
	fmt.Println("not reached")
}
