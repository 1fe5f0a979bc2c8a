// A tiny expression language: lexer with text/scanner, Pratt parser to an AST, evaluator with variables,
// functions and errors with positions.
package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"text/scanner"
)

type Node interface{ String() string }

type (
	Num    struct{ V float64 }
	Var    struct{ Name string }
	Unary  struct {
		Op string
		X  Node
	}
	Binary struct {
		Op   string
		L, R Node
	}
	Call struct {
		Fn   string
		Args []Node
	}
	Assign struct {
		Name string
		X    Node
	}
)

func (n Num) String() string    { return strconv.FormatFloat(n.V, 'g', -1, 64) }
func (v Var) String() string    { return v.Name }
func (u Unary) String() string  { return "(" + u.Op + u.X.String() + ")" }
func (b Binary) String() string { return "(" + b.L.String() + " " + b.Op + " " + b.R.String() + ")" }
func (c Call) String() string {
	parts := make([]string, len(c.Args))
	for i, a := range c.Args {
		parts[i] = a.String()
	}
	return c.Fn + "(" + strings.Join(parts, ", ") + ")"
}
func (a Assign) String() string { return a.Name + " = " + a.X.String() }

type Parser struct {
	s   scanner.Scanner
	tok rune
	err error
}

type ParseError struct {
	Pos scanner.Position
	Msg string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Column, e.Msg) }

func NewParser(src string) *Parser {
	p := &Parser{}
	p.s.Init(strings.NewReader(src))
	p.s.Mode = scanner.ScanIdents | scanner.ScanFloats | scanner.ScanInts
	p.s.Error = func(s *scanner.Scanner, msg string) {}
	p.next()
	return p
}

func (p *Parser) next() { p.tok = p.s.Scan() }

func (p *Parser) fail(msg string) {
	if p.err == nil {
		p.err = &ParseError{p.s.Position, msg}
	}
	panic(p.err)
}

func prec(op string) int {
	switch op {
	case "=":
		return 1
	case "+", "-":
		return 2
	case "*", "/", "%":
		return 3
	case "^":
		return 4
	}
	return 0
}

func (p *Parser) primary() Node {
	switch p.tok {
	case scanner.Int, scanner.Float:
		v, _ := strconv.ParseFloat(p.s.TokenText(), 64)
		p.next()
		return Num{v}
	case scanner.Ident:
		name := p.s.TokenText()
		p.next()
		if p.tok == '(' {
			p.next()
			var args []Node
			for p.tok != ')' {
				args = append(args, p.expr(1))
				if p.tok == ',' {
					p.next()
				} else if p.tok != ')' {
					p.fail("expected , or )")
				}
			}
			p.next()
			return Call{name, args}
		}
		return Var{name}
	case '(':
		p.next()
		x := p.expr(1)
		if p.tok != ')' {
			p.fail("expected )")
		}
		p.next()
		return x
	case '-':
		p.next()
		return Unary{"-", p.expr(4)}
	}
	p.fail(fmt.Sprintf("unexpected %s", scanner.TokenString(p.tok)))
	return nil
}

func (p *Parser) expr(min int) Node {
	left := p.primary()
	for {
		op := string(p.tok)
		pr := prec(op)
		if pr < min || pr == 0 {
			return left
		}
		p.next()
		if op == "=" {
			v, ok := left.(Var)
			if !ok {
				p.fail("cannot assign to " + left.String())
			}
			left = Assign{v.Name, p.expr(pr)}
			continue
		}
		next := pr + 1
		if op == "^" {
			next = pr
		}
		left = Binary{op, left, p.expr(next)}
	}
}

func Parse(src string) (n Node, err error) {
	p := NewParser(src)
	defer func() {
		if r := recover(); r != nil {
			if pe, ok := r.(*ParseError); ok {
				err = pe
				return
			}
			panic(r)
		}
	}()
	n = p.expr(1)
	if p.tok != scanner.EOF {
		p.fail("trailing " + scanner.TokenString(p.tok))
	}
	return n, nil
}

type Env map[string]float64

func (env Env) Eval(n Node) (float64, error) {
	switch n := n.(type) {
	case Num:
		return n.V, nil
	case Var:
		v, ok := env[n.Name]
		if !ok {
			return 0, fmt.Errorf("undefined: %s", n.Name)
		}
		return v, nil
	case Unary:
		x, err := env.Eval(n.X)
		return -x, err
	case Assign:
		x, err := env.Eval(n.X)
		if err == nil {
			env[n.Name] = x
		}
		return x, err
	case Call:
		var args []float64
		for _, a := range n.Args {
			v, err := env.Eval(a)
			if err != nil {
				return 0, err
			}
			args = append(args, v)
		}
		fns := map[string]func(...float64) (float64, error){
			"sqrt": func(a ...float64) (float64, error) { return math.Sqrt(a[0]), nil },
			"max": func(a ...float64) (float64, error) {
				if len(a) == 0 {
					return 0, fmt.Errorf("max of nothing")
				}
				m := a[0]
				for _, x := range a[1:] {
					m = math.Max(m, x)
				}
				return m, nil
			},
		}
		f, ok := fns[n.Fn]
		if !ok {
			return 0, fmt.Errorf("unknown function %s", n.Fn)
		}
		return f(args...)
	case Binary:
		l, err := env.Eval(n.L)
		if err != nil {
			return 0, err
		}
		r, err := env.Eval(n.R)
		if err != nil {
			return 0, err
		}
		switch n.Op {
		case "+":
			return l + r, nil
		case "-":
			return l - r, nil
		case "*":
			return l * r, nil
		case "/":
			if r == 0 {
				return 0, fmt.Errorf("division by zero in %v", n)
			}
			return l / r, nil
		case "%":
			return math.Mod(l, r), nil
		case "^":
			return math.Pow(l, r), nil
		}
	}
	return 0, fmt.Errorf("bad node %T", n)
}

func main() {
	env := Env{"pi": math.Pi}
	for _, src := range []string{
		"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "x = 4", "y = x * 2.5", "sqrt(x) + max(1, y, 3)",
		"10 / (x - 4)", "7 % 3 + z", "max()", "foo(1)", "1 +", "(1 + 2", "3 4", "1 = 2", "r = 2\nr * pi", "1e3 / 8",
	} {
		n, err := Parse(src)
		if err != nil {
			fmt.Printf("%-26q parse error: %v\n", src, err)
			continue
		}
		v, err := env.Eval(n)
		if err != nil {
			fmt.Printf("%-26q %v => error: %v\n", src, n, err)
			continue
		}
		fmt.Printf("%-26q %v => %.6g\n", src, n, v)
	}
}
