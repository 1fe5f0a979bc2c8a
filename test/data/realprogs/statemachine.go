// A vending-machine state machine driven by a script of events, with a transition table of method values.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type State int

const (
	Idle State = iota
	HasCoins
	Dispensing
	OutOfOrder
)

var stateNames = [...]string{"Idle", "HasCoins", "Dispensing", "OutOfOrder"}

func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", int(s))
}

type Event struct {
	Kind string
	Arg  int
}

type Machine struct {
	state   State
	credit  int
	stock   map[string]int
	prices  map[string]int
	log     []string
	handler map[State]func(Event) (State, error)
}

var ErrInvalid = errors.New("invalid event")

type StockError struct {
	Item string
}

func (e *StockError) Error() string { return "out of " + e.Item }

func NewMachine() *Machine {
	m := &Machine{stock: map[string]int{"cola": 2, "chips": 1}, prices: map[string]int{"cola": 150, "chips": 100}}
	m.handler = map[State]func(Event) (State, error){
		Idle:       m.idle,
		HasCoins:   m.hasCoins,
		Dispensing: m.dispensing,
	}
	return m
}

func (m *Machine) idle(e Event) (State, error) {
	switch e.Kind {
	case "coin":
		m.credit += e.Arg
		return HasCoins, nil
	case "kick":
		return OutOfOrder, nil
	}
	return Idle, fmt.Errorf("%v in %v: %w", e.Kind, m.state, ErrInvalid)
}

func (m *Machine) hasCoins(e Event) (State, error) {
	switch e.Kind {
	case "coin":
		m.credit += e.Arg
		return HasCoins, nil
	case "refund":
		m.log = append(m.log, fmt.Sprintf("refund %d", m.credit))
		m.credit = 0
		return Idle, nil
	case "select":
		items := make([]string, 0, len(m.prices))
		for k := range m.prices {
			items = append(items, k)
		}
		sort.Strings(items)
		item := items[e.Arg%len(items)]
		if m.stock[item] == 0 {
			return HasCoins, &StockError{item}
		}
		if m.credit < m.prices[item] {
			return HasCoins, fmt.Errorf("need %d more for %s", m.prices[item]-m.credit, item)
		}
		m.stock[item]--
		m.credit -= m.prices[item]
		m.log = append(m.log, "vend "+item)
		return Dispensing, nil
	}
	return HasCoins, fmt.Errorf("%v in %v: %w", e.Kind, m.state, ErrInvalid)
}

func (m *Machine) dispensing(e Event) (State, error) {
	if e.Kind != "take" {
		return Dispensing, ErrInvalid
	}
	if m.credit > 0 {
		return HasCoins, nil
	}
	return Idle, nil
}

func (m *Machine) Fire(e Event) {
	h, ok := m.handler[m.state]
	if !ok {
		fmt.Printf("%-10v %-8s ignored (machine is %v)\n", m.state, e.Kind, m.state)
		return
	}
	next, err := h(e)
	var se *StockError
	switch {
	case errors.As(err, &se):
		fmt.Printf("%-10v %-8s stock error: %v\n", m.state, e.Kind, se.Item)
	case errors.Is(err, ErrInvalid):
		fmt.Printf("%-10v %-8s rejected: %v\n", m.state, e.Kind, err)
	case err != nil:
		fmt.Printf("%-10v %-8s error: %v\n", m.state, e.Kind, err)
	default:
		fmt.Printf("%-10v %-8s -> %v (credit %d)\n", m.state, e.Kind, next, m.credit)
	}
	m.state = next
}

func main() {
	m := NewMachine()
	script := "select coin:100 select:1 coin:100 select:1 take select:1 coin:200 select:0 take refund take coin:5 select:0 select:0 refund kick coin:1"
	for _, f := range strings.Fields(script) {
		kind, arg, _ := strings.Cut(f, ":")
		var n int
		fmt.Sscan(arg, &n)
		m.Fire(Event{kind, n})
	}
	fmt.Println(strings.Join(m.log, "; "))
	fmt.Println(m.stock, m.state, State(7))
}
