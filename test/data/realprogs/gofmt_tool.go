// A source tool: parse Go code with go/parser, walk the AST with ast.Inspect, rewrite identifiers, print
// with go/format and go/printer, report parse errors with positions, and scan tokens with go/scanner.
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/printer"
	"go/scanner"
	"go/token"
	"sort"
	"strings"
)

const src = `package demo
import ("fmt";"strings")
// Greet says hello.
func Greet(name string) string { return "hello, "+strings.ToUpper(name) }
type Point struct{X,Y int}
func (p Point) Dist() int { if p.X<0 {return -p.X+p.Y}; return p.X+p.Y }
var counter = map[string]int{"a":1,"b":2}
func main() { for i:=0;i<3;i++ { fmt.Println(Greet("x"), i) } }
`

func main() {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "demo.go", src, parser.ParseComments)
	if err != nil {
		fmt.Println(err)
		return
	}
	var funcs, idents []string
	calls := map[string]int{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			funcs = append(funcs, fmt.Sprintf("%s@%s", n.Name.Name, fset.Position(n.Pos())))
		case *ast.Ident:
			idents = append(idents, n.Name)
		case *ast.CallExpr:
			var b bytes.Buffer
			printer.Fprint(&b, fset, n.Fun)
			calls[b.String()]++
		}
		return true
	})
	fmt.Println(funcs)
	fmt.Println(len(idents), idents[:8])
	keys := make([]string, 0, len(calls))
	for k := range calls {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println("call", k, calls[k])
	}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok {
			fmt.Println(g.Tok, len(g.Specs))
		}
	}
	fmt.Println(f.Doc == nil, len(f.Comments), f.Comments[0].Text())
	ast.Inspect(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == "Greet" {
			id.Name = "Welcome"
		}
		return true
	})
	var out bytes.Buffer
	if err := format.Node(&out, fset, f); err != nil {
		fmt.Println(err)
	}
	fmt.Print(out.String())
	pretty, err := format.Source([]byte("package x\nfunc  f( a int)int{return a*2}"))
	fmt.Printf("%s%v\n", pretty, err)
	_, err = format.Source([]byte("package x\nfunc {"))
	fmt.Println(err)
	_, err = parser.ParseFile(token.NewFileSet(), "bad.go", "package p\nfunc f() {\n\tx := \n}\nvar = 3\n", parser.AllErrors)
	if el, ok := err.(scanner.ErrorList); ok {
		for _, e := range el {
			fmt.Println(e.Pos, e.Msg)
		}
	}
	expr, err := parser.ParseExpr("a + b*c[i](x...)")
	fmt.Printf("%T %v\n", expr, err)
	ast.Print(nil, expr.(*ast.BinaryExpr).Op)
	var s scanner.Scanner
	file := token.NewFileSet().AddFile("t.go", -1, 40)
	s.Init(file, []byte("x := 3.5 + 'a' // c\n\"s\""), nil, scanner.ScanComments)
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		fmt.Printf("%s %s %q\n", file.Position(pos), tok, lit)
	}
	fmt.Println(token.Lookup("func").IsKeyword(), token.ADD.Precedence(), strings.Count(out.String(), "\n"))
}
