// Package kvconf parses "key = value" configuration text with sections, as a small third-party library
// using only the standard library would.
package kvconf

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// ErrNoKey is wrapped by lookups of keys that are not set.
var ErrNoKey = errors.New("kvconf: no such key")

// SyntaxError reports a malformed line.
type SyntaxError struct {
	Line int
	Text string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("kvconf: line %d: cannot parse %q", e.Line, e.Text) }

// Config holds "section.key" entries.
type Config struct {
	values map[string]string
}

// Parse reads configuration text.
func Parse(r io.Reader) (*Config, error) {
	c := &Config{values: map[string]string{}}
	sc := bufio.NewScanner(r)
	section := ""
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";"):
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = strings.TrimSpace(line[1 : len(line)-1])
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return nil, &SyntaxError{n, line}
		}
		v = strings.TrimSpace(v)
		if uq, err := strconv.Unquote(v); err == nil {
			v = uq
		}
		if section != "" {
			k = section + "." + k
		}
		c.values[k] = v
	}
	return c, sc.Err()
}

// String returns the value of key.
func (c *Config) String(key string) (string, error) {
	v, ok := c.values[key]
	if !ok {
		return "", fmt.Errorf("%q: %w", key, ErrNoKey)
	}
	return v, nil
}

// Int returns the value of key as an int.
func (c *Config) Int(key string) (int, error) {
	v, err := c.String(key)
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(v)
}

// Keys returns the keys in sorted order.
func (c *Config) Keys() []string {
	keys := make([]string, 0, len(c.values))
	for k := range c.values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
