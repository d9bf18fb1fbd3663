package web

import (
	"testing"

	"github.com/guichet/guichet/site"
)

func TestResultCacheEvictsLeastRecentlyUsed(t *testing.T) {
	c := newResultCache(2)
	a, b, d := &site.SearchResults{Query: "a"}, &site.SearchResults{Query: "b"}, &site.SearchResults{Query: "d"}
	c.put("a", a)
	c.put("b", b)
	if got, ok := c.get("a"); !ok || got != a { // a is now the most recent
		t.Fatal("a missing")
	}
	c.put("d", d) // evicts b
	if _, ok := c.get("b"); ok {
		t.Error("b survived eviction")
	}
	for _, k := range []string{"a", "d"} {
		if _, ok := c.get(k); !ok {
			t.Errorf("%s evicted", k)
		}
	}
	if k1, k2 := cacheKey("g", site.SearchRequest{Query: "x", Locale: "en", Limit: 8}), cacheKey("s", site.SearchRequest{Query: "x", Locale: "en", Limit: 8}); k1 == k2 {
		t.Error("suggest and search share a cache key")
	}
}
