package search

import (
	"sync"
	"sync/atomic"
)

// memo remembers values computed from a locale index, which never changes,
// by key, for the index's life: at most bound keys (given at each store),
// past which new keys are computed each time. Safe for concurrent use.
// One rule for every such cache: corrections one typo away, fuzzy
// expansions, phrases of stop words.
type memo[V any] struct {
	m sync.Map
	n atomic.Int64 // keys stored
}

// get returns the value remembered for key.
func (c *memo[V]) get(key string) (V, bool) {
	v, ok := c.m.Load(key)
	if !ok {
		var zero V
		return zero, false
	}
	return v.(V), true
}

// put remembers v for key if fewer than bound keys are; a key already
// remembered is replaced without counting again.
func (c *memo[V]) put(key string, v V, bound int64) {
	if _, known := c.m.Load(key); known || c.n.Add(1) <= bound {
		c.m.Store(key, v)
	}
}

// len returns how many keys are remembered.
func (c *memo[V]) len() int {
	n := 0
	c.m.Range(func(any, any) bool { n++; return true })
	return n
}
