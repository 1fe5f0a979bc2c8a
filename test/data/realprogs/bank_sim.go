// A bank simulation: accounts behind a mutex, concurrent transfers with deterministic totals, an audit log
// through a channel, errors with sentinel values and types, and a final sorted report.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
)

var ErrInsufficient = errors.New("insufficient funds")

type AccountError struct {
	ID  string
	Err error
}

func (e *AccountError) Error() string { return "account " + e.ID + ": " + e.Err.Error() }
func (e *AccountError) Unwrap() error { return e.Err }

type Bank struct {
	mu       sync.Mutex
	accounts map[string]int64
	log      chan string
}

func (b *Bank) Transfer(from, to string, amt int64) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.accounts[from]; !ok {
		return &AccountError{from, errors.New("no such account")}
	}
	if _, ok := b.accounts[to]; !ok {
		return &AccountError{to, errors.New("no such account")}
	}
	if b.accounts[from] < amt {
		return &AccountError{from, fmt.Errorf("transfer %d: %w", amt, ErrInsufficient)}
	}
	b.accounts[from] -= amt
	b.accounts[to] += amt
	return nil
}

func main() {
	b := &Bank{accounts: map[string]int64{"alice": 1000, "bob": 500, "carol": 0}, log: make(chan string, 1000)}
	var wg sync.WaitGroup
	var failures sync.Map
	names := []string{"alice", "bob", "carol"}
	for i := 0; i < 300; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			from, to := names[i%3], names[(i+1)%3]
			if err := b.Transfer(from, to, int64(i%7)); err != nil {
				failures.Store(i, err)
			}
		}(i)
	}
	wg.Wait()
	var total int64
	for _, v := range b.accounts {
		total += v
	}
	fmt.Println("total preserved:", total == 1500, total)
	nfail := 0
	failures.Range(func(k, v any) bool { nfail++; return true })
	_ = nfail
	for _, t := range [][3]any{{"alice", "dave", int64(1)}, {"zed", "bob", int64(1)}, {"carol", "bob", int64(1 << 40)}} {
		err := b.Transfer(t[0].(string), t[1].(string), t[2].(int64))
		var ae *AccountError
		fmt.Println(err, errors.Is(err, ErrInsufficient), errors.As(err, &ae) && ae.ID != "")
	}
	b.accounts = map[string]int64{"x": 10, "y": 20}
	b.Transfer("x", "y", 5)
	b.Transfer("y", "x", 1)
	keys := make([]string, 0)
	for k := range b.accounts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&sb, "%-6s%6d\n", k, b.accounts[k])
	}
	fmt.Print(sb.String())
	joined := errors.New("a")
	fmt.Println(fmt.Errorf("ctx: %w", &AccountError{"q", joined}))
	var m sync.Map
	m.Store("b", 2)
	m.Store("a", 1)
	v, loaded := m.LoadOrStore("a", 9)
	fmt.Println(v, loaded)
	v2, ok := m.LoadAndDelete("b")
	fmt.Println(v2, ok)
	m.Range(func(k, v any) bool { fmt.Println("left:", k, v); return true })
}
