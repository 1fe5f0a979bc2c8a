// CPU-bound work: matrix multiplication, Game of Life generations, a sudoku solver, sieve of Eratosthenes
// and an n-queens count, with deterministic output.
package main

import (
	"fmt"
	"strings"
)

type Matrix [][]float64

func NewMatrix(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func (a Matrix) Mul(b Matrix) Matrix {
	out := NewMatrix(len(a), len(b[0]))
	for i := range a {
		for j := range b[0] {
			var s float64
			for k := range b {
				s += a[i][k] * b[k][j]
			}
			out[i][j] = s
		}
	}
	return out
}

func life(g [][]bool) [][]bool {
	h, w := len(g), len(g[0])
	next := make([][]bool, h)
	for y := range g {
		next[y] = make([]bool, w)
		for x := range g[y] {
			n := 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if (dy != 0 || dx != 0) && g[(y+dy+h)%h][(x+dx+w)%w] {
						n++
					}
				}
			}
			next[y][x] = n == 3 || (n == 2 && g[y][x])
		}
	}
	return next
}

func solve(b *[9][9]int) bool {
	for r := 0; r < 9; r++ {
		for c := 0; c < 9; c++ {
			if b[r][c] != 0 {
				continue
			}
			for v := 1; v <= 9; v++ {
				if ok(b, r, c, v) {
					b[r][c] = v
					if solve(b) {
						return true
					}
					b[r][c] = 0
				}
			}
			return false
		}
	}
	return true
}

func ok(b *[9][9]int, r, c, v int) bool {
	for i := 0; i < 9; i++ {
		if b[r][i] == v || b[i][c] == v || b[r/3*3+i/3][c/3*3+i%3] == v {
			return false
		}
	}
	return true
}

func queens(n, row int, cols, d1, d2 []bool) int {
	if row == n {
		return 1
	}
	count := 0
	for c := 0; c < n; c++ {
		if cols[c] || d1[row+c] || d2[row-c+n-1] {
			continue
		}
		cols[c], d1[row+c], d2[row-c+n-1] = true, true, true
		count += queens(n, row+1, cols, d1, d2)
		cols[c], d1[row+c], d2[row-c+n-1] = false, false, false
	}
	return count
}

func main() {
	a := NewMatrix(3, 3)
	for i := range a {
		for j := range a[i] {
			a[i][j] = float64(i*3 + j + 1)
		}
	}
	p := a
	for i := 0; i < 4; i++ {
		p = p.Mul(a)
	}
	for _, row := range p {
		fmt.Printf("%12.1f\n", row)
	}
	g := make([][]bool, 10)
	for i := range g {
		g[i] = make([]bool, 10)
	}
	g[1][2], g[2][3], g[3][1], g[3][2], g[3][3] = true, true, true, true, true
	for i := 0; i < 8; i++ {
		g = life(g)
	}
	for _, row := range g {
		var sb strings.Builder
		for _, c := range row {
			if c {
				sb.WriteByte('#')
			} else {
				sb.WriteByte('.')
			}
		}
		fmt.Println(sb.String())
	}
	puzzle := [9][9]int{
		{5, 3, 0, 0, 7, 0, 0, 0, 0}, {6, 0, 0, 1, 9, 5, 0, 0, 0}, {0, 9, 8, 0, 0, 0, 0, 6, 0},
		{8, 0, 0, 0, 6, 0, 0, 0, 3}, {4, 0, 0, 8, 0, 3, 0, 0, 1}, {7, 0, 0, 0, 2, 0, 0, 0, 6},
		{0, 6, 0, 0, 0, 0, 2, 8, 0}, {0, 0, 0, 4, 1, 9, 0, 0, 5}, {0, 0, 0, 0, 8, 0, 0, 7, 9},
	}
	fmt.Println(solve(&puzzle))
	for _, r := range puzzle {
		fmt.Println(r)
	}
	const N = 100000
	sieve := make([]bool, N+1)
	primes := 0
	last := 0
	for i := 2; i <= N; i++ {
		if !sieve[i] {
			primes++
			last = i
			for j := i * i; j <= N; j += i {
				sieve[j] = true
			}
		}
	}
	fmt.Println("primes below", N, primes, last)
	for n := 4; n <= 9; n++ {
		fmt.Print(queens(n, 0, make([]bool, n), make([]bool, 2*n), make([]bool, 2*n)), " ")
	}
	fmt.Println()
	m := map[int]int{}
	for i := 0; i < 200000; i++ {
		m[i%5000] += i
	}
	fmt.Println(len(m), m[4999], m[0])
	s := ""
	for i := 0; i < 1000; i++ {
		s += string(rune('a' + i%26))
	}
	fmt.Println(len(s), s[990:])
}
