package web

import (
	"container/list"
	"strconv"
	"sync"

	"github.com/guichet/guichet/site"
)

// resultCacheSize bounds the number of search and suggest answers kept per
// content snapshot. Autocomplete traffic repeats the same prefixes all day
// ("r", "re", "ref"…), so a small cache answers most of it.
const resultCacheSize = 4096

// resultCache is a fixed-size LRU of search results for one snapshot; it
// dies with the snapshot, so it never serves results of older content.
type resultCache struct {
	mu    sync.Mutex
	max   int
	order *list.List // front: most recently used
	byKey map[string]*list.Element
}

type cacheEntry struct {
	key string
	res *site.SearchResults
}

func newResultCache(max int) *resultCache {
	return &resultCache{max: max, order: list.New(), byKey: map[string]*list.Element{}}
}

// cacheKey identifies a request: kind ("s" search, "g" suggest), locale,
// limit, offset and query.
func cacheKey(kind string, req site.SearchRequest) string {
	v := "|"
	if req.Verbatim {
		v = "|v"
	}
	return kind + "|" + req.Locale + "|" + strconv.Itoa(req.Limit) + "|" + strconv.Itoa(req.Offset) + v + "|" + req.Query
}

// get returns the cached results for key. Callers must not modify them.
func (c *resultCache) get(key string) (*site.SearchResults, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cacheEntry).res, true
}

// put stores res under key, evicting the least recently used entry.
func (c *resultCache) put(key string, res *site.SearchResults) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[key]; ok {
		el.Value.(*cacheEntry).res = res
		c.order.MoveToFront(el)
		return
	}
	c.byKey[key] = c.order.PushFront(&cacheEntry{key: key, res: res})
	if c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.byKey, last.Value.(*cacheEntry).key)
	}
}
