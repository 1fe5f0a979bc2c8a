// Package store is a tiny concurrent key-value store.
package store

import (
	"sort"
	"sync"
)

// Store maps keys to values safely.
type Store struct {
	mu sync.RWMutex
	m  map[string]string
}

// Default holds the package's settings.
var Default = New(map[string]string{"footer": "made with assets"})

// New returns a store holding a copy of init.
func New(init map[string]string) *Store {
	s := &Store{m: map[string]string{}}
	for k, v := range init {
		s.m[k] = v
	}
	return s
}

// Get returns the value of k.
func (s *Store) Get(k string) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.m[k]
}

// Set sets k to v.
func (s *Store) Set(k, v string) {
	s.mu.Lock()
	s.m[k] = v
	s.mu.Unlock()
}

// Keys returns the keys, sorted.
func (s *Store) Keys() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ks := make([]string, 0, len(s.m))
	for k := range s.m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
