// Package lrucache is a generic least-recently-used cache with expiry driven by an injectable clock.
package lrucache

import (
	"container/list"
	"fmt"

	"lrucache/internal/clock"
)

type entry[K comparable, V any] struct {
	key     K
	val     V
	expires int64
}

// Cache holds at most Cap entries; the least recently used is evicted first.
type Cache[K comparable, V any] struct {
	cap     int
	ttl     int64
	clock   clock.Clock
	order   *list.List
	items   map[K]*list.Element
	evicted []K
}

// New makes a cache of the given capacity whose entries live ttl ticks of c (0: forever).
func New[K comparable, V any](capacity int, ttl int64, c clock.Clock) (*Cache[K, V], error) {
	if capacity <= 0 {
		return nil, fmt.Errorf("lrucache: capacity %d must be positive", capacity)
	}
	return &Cache[K, V]{cap: capacity, ttl: ttl, clock: c, order: list.New(), items: map[K]*list.Element{}}, nil
}

// Put stores v under k, evicting the oldest entry when full.
func (c *Cache[K, V]) Put(k K, v V) {
	exp := int64(0)
	if c.ttl > 0 {
		exp = c.clock.Now() + c.ttl
	}
	if e, ok := c.items[k]; ok {
		e.Value = &entry[K, V]{k, v, exp}
		c.order.MoveToFront(e)
		return
	}
	c.items[k] = c.order.PushFront(&entry[K, V]{k, v, exp})
	if c.order.Len() > c.cap {
		last := c.order.Back()
		en := c.order.Remove(last).(*entry[K, V])
		delete(c.items, en.key)
		c.evicted = append(c.evicted, en.key)
	}
}

// Get returns the value under k and whether it was present and fresh.
func (c *Cache[K, V]) Get(k K) (V, bool) {
	var zero V
	e, ok := c.items[k]
	if !ok {
		return zero, false
	}
	en := e.Value.(*entry[K, V])
	if en.expires != 0 && c.clock.Now() >= en.expires {
		c.order.Remove(e)
		delete(c.items, k)
		return zero, false
	}
	c.order.MoveToFront(e)
	return en.val, true
}

// Keys lists the keys from most to least recently used.
func (c *Cache[K, V]) Keys() []K {
	var ks []K
	for e := c.order.Front(); e != nil; e = e.Next() {
		ks = append(ks, e.Value.(*entry[K, V]).key)
	}
	return ks
}

// Evicted lists the keys evicted so far, oldest first.
func (c *Cache[K, V]) Evicted() []K { return c.evicted }

// Len is the number of entries.
func (c *Cache[K, V]) Len() int { return c.order.Len() }
