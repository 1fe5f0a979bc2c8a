package main

// sync (rt/src/sema.rs: semaphores, notify lists) and strings on rt's hooks.

import (
	"strings"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			total += i
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	println(total)
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { println("once") })
	}
	c := sync.NewCond(&mu)
	ready := 0
	for i := 0; i < 3; i++ {
		go func() {
			mu.Lock()
			ready++
			c.Signal()
			mu.Unlock()
		}()
	}
	mu.Lock()
	for ready < 3 {
		c.Wait()
	}
	mu.Unlock()
	println("ready", ready)
	var rw sync.RWMutex
	rw.RLock()
	rw.RLock()
	rw.RUnlock()
	rw.RUnlock()
	rw.Lock()
	rw.Unlock()
	p := sync.Pool{New: func() any { return new(int) }}
	x := p.Get().(*int)
	*x = 5
	p.Put(x)
	var m sync.Map
	m.Store("a", 1)
	v, ok := m.Load("a")
	println(v.(int), ok)
	println(strings.ToUpper("héllo"), strings.Repeat("ab", 3), strings.Index("chicken", "ken"), strings.Fields(" a b  c ")[2])
	var sb strings.Builder
	sb.WriteString("x=")
	sb.WriteByte('1')
	println(sb.String(), strings.Split("a,b,c", ",")[1], strings.Contains("seafood", "foo"), strings.Replace("oink oink", "k", "ky", -1))
	println(strings.NewReplacer("a", "1", "b", "2").Replace("abc"), strings.EqualFold("Go", "GO"), strings.TrimSpace("  x  "))
}
