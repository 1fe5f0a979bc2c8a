// A small expression language: a hand-written lexer, a Pratt parser building an AST, an evaluator with
// variables and functions, and error reporting with positions, run over a fixed script.
package main

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

type TokKind int

const (
	EOF TokKind = iota
	NUM
	IDENT
	OP
	LPAREN
	RPAREN
	COMMA
	ASSIGN
)

func (k TokKind) String() string {
	return [...]string{"EOF", "NUM", "IDENT", "OP", "(", ")", ",", "="}[k]
}

type Token struct {
	Kind TokKind
	Text string
	Pos  int
}

type Lexer struct {
	src string
	pos int
}

func (l *Lexer) Next() (Token, error) {
	for l.pos < len(l.src) && l.src[l.pos] == ' ' {
		l.pos++
	}
	if l.pos >= len(l.src) {
		return Token{EOF, "", l.pos}, nil
	}
	start := l.pos
	c := rune(l.src[l.pos])
	switch {
	case unicode.IsDigit(c) || c == '.':
		for l.pos < len(l.src) && (unicode.IsDigit(rune(l.src[l.pos])) || l.src[l.pos] == '.') {
			l.pos++
		}
		return Token{NUM, l.src[start:l.pos], start}, nil
	case unicode.IsLetter(c):
		for l.pos < len(l.src) && (unicode.IsLetter(rune(l.src[l.pos])) || unicode.IsDigit(rune(l.src[l.pos]))) {
			l.pos++
		}
		return Token{IDENT, l.src[start:l.pos], start}, nil
	case strings.ContainsRune("+-*/^%", c):
		l.pos++
		return Token{OP, string(c), start}, nil
	case c == '(':
		l.pos++
		return Token{LPAREN, "(", start}, nil
	case c == ')':
		l.pos++
		return Token{RPAREN, ")", start}, nil
	case c == ',':
		l.pos++
		return Token{COMMA, ",", start}, nil
	case c == '=':
		l.pos++
		return Token{ASSIGN, "=", start}, nil
	}
	return Token{}, &SyntaxError{start, fmt.Sprintf("unexpected character %q", c)}
}

type SyntaxError struct {
	Pos int
	Msg string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("col %d: %s", e.Pos+1, e.Msg) }

type Node interface{ String() string }
type Num float64
type Var string
type Binary struct {
	Op   string
	L, R Node
}
type Unary struct {
	Op string
	X  Node
}
type Call struct {
	Fn   string
	Args []Node
}

func (n Num) String() string    { return strconv.FormatFloat(float64(n), 'g', -1, 64) }
func (v Var) String() string    { return string(v) }
func (b Binary) String() string { return "(" + b.L.String() + " " + b.Op + " " + b.R.String() + ")" }
func (u Unary) String() string  { return "(" + u.Op + u.X.String() + ")" }
func (c Call) String() string {
	parts := make([]string, len(c.Args))
	for i, a := range c.Args {
		parts[i] = a.String()
	}
	return c.Fn + "(" + strings.Join(parts, ", ") + ")"
}

type Parser struct {
	toks []Token
	i    int
}

func prec(op string) (int, bool) {
	switch op {
	case "+", "-":
		return 1, false
	case "*", "/", "%":
		return 2, false
	case "^":
		return 3, true
	}
	return 0, false
}

func (p *Parser) peek() Token { return p.toks[p.i] }
func (p *Parser) next() Token  { t := p.toks[p.i]; p.i++; return t }

func (p *Parser) expr(minPrec int) (Node, error) {
	left, err := p.primary()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		if t.Kind != OP {
			return left, nil
		}
		pr, right := prec(t.Text)
		if pr < minPrec {
			return left, nil
		}
		p.next()
		next := pr + 1
		if right {
			next = pr
		}
		r, err := p.expr(next)
		if err != nil {
			return nil, err
		}
		left = Binary{t.Text, left, r}
	}
}

func (p *Parser) primary() (Node, error) {
	t := p.next()
	switch t.Kind {
	case NUM:
		f, err := strconv.ParseFloat(t.Text, 64)
		if err != nil {
			return nil, &SyntaxError{t.Pos, "bad number " + t.Text}
		}
		return Num(f), nil
	case IDENT:
		if p.peek().Kind == LPAREN {
			p.next()
			var args []Node
			for p.peek().Kind != RPAREN {
				a, err := p.expr(1)
				if err != nil {
					return nil, err
				}
				args = append(args, a)
				if p.peek().Kind == COMMA {
					p.next()
				} else if p.peek().Kind != RPAREN {
					return nil, &SyntaxError{p.peek().Pos, "expected , or )"}
				}
			}
			p.next()
			return Call{t.Text, args}, nil
		}
		return Var(t.Text), nil
	case OP:
		if t.Text == "-" {
			x, err := p.expr(3)
			if err != nil {
				return nil, err
			}
			return Unary{"-", x}, nil
		}
	case LPAREN:
		e, err := p.expr(1)
		if err != nil {
			return nil, err
		}
		if p.next().Kind != RPAREN {
			return nil, &SyntaxError{t.Pos, "unclosed ("}
		}
		return e, nil
	}
	return nil, &SyntaxError{t.Pos, "unexpected " + t.Kind.String()}
}

var ErrUndefined = errors.New("undefined")

type Env struct {
	vars  map[string]float64
	funcs map[string]func(...float64) (float64, error)
}

func (e *Env) Eval(n Node) (float64, error) {
	switch n := n.(type) {
	case Num:
		return float64(n), nil
	case Var:
		v, ok := e.vars[string(n)]
		if !ok {
			return 0, fmt.Errorf("variable %s: %w", n, ErrUndefined)
		}
		return v, nil
	case Unary:
		x, err := e.Eval(n.X)
		return -x, err
	case Binary:
		l, err := e.Eval(n.L)
		if err != nil {
			return 0, err
		}
		r, err := e.Eval(n.R)
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
				return 0, errors.New("division by zero")
			}
			return l / r, nil
		case "%":
			return math.Mod(l, r), nil
		case "^":
			return math.Pow(l, r), nil
		}
	case Call:
		f, ok := e.funcs[n.Fn]
		if !ok {
			return 0, fmt.Errorf("function %s: %w", n.Fn, ErrUndefined)
		}
		args := make([]float64, len(n.Args))
		for i, a := range n.Args {
			v, err := e.Eval(a)
			if err != nil {
				return 0, err
			}
			args[i] = v
		}
		return f(args...)
	}
	return 0, fmt.Errorf("bad node %T", n)
}

func run(env *Env, line string) {
	lx := &Lexer{src: line}
	var toks []Token
	for {
		t, err := lx.Next()
		if err != nil {
			fmt.Printf("%-24s => lex error: %v\n", line, err)
			return
		}
		toks = append(toks, t)
		if t.Kind == EOF {
			break
		}
	}
	target := ""
	if len(toks) > 2 && toks[0].Kind == IDENT && toks[1].Kind == ASSIGN {
		target = toks[0].Text
		toks = toks[2:]
	}
	p := &Parser{toks: toks}
	n, err := p.expr(1)
	if err == nil && p.peek().Kind != EOF {
		err = &SyntaxError{p.peek().Pos, "trailing " + p.peek().Kind.String()}
	}
	if err != nil {
		fmt.Printf("%-24s => parse error: %v\n", line, err)
		return
	}
	v, err := env.Eval(n)
	if err != nil {
		fmt.Printf("%-24s => %s: error: %v (undefined=%v)\n", line, n, err, errors.Is(err, ErrUndefined))
		return
	}
	if target != "" {
		env.vars[target] = v
	}
	fmt.Printf("%-24s => %s = %.6g\n", line, n, v)
}

func main() {
	env := &Env{vars: map[string]float64{"pi": math.Pi}, funcs: map[string]func(...float64) (float64, error){
		"sqrt": func(a ...float64) (float64, error) {
			if len(a) != 1 {
				return 0, fmt.Errorf("sqrt takes 1 argument, got %d", len(a))
			}
			return math.Sqrt(a[0]), nil
		},
		"max": func(a ...float64) (float64, error) {
			if len(a) == 0 {
				return 0, errors.New("max of nothing")
			}
			sort.Float64s(a)
			return a[len(a)-1], nil
		},
	}}
	for _, line := range []string{
		"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "x = 10 / 4", "y = x * pi",
		"max(1, y, x, 3)", "sqrt(2)", "sqrt(1, 2)", "max()", "z + 1", "foo(1)", "1 / (x - 2.5)",
		"10 % 3", "1 +", "(1 + 2", "3 $ 4", "1.2.3", "max(1 2)", "2 3",
	} {
		run(env, line)
	}
	names := make([]string, 0, len(env.vars))
	for k := range env.vars {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Printf("%s=%v\n", k, env.vars[k])
	}
}
