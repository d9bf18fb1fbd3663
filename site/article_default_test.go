package site

import (
	"testing"
	"time"
)

// TestArticleOrDefault: an article in the locale asked, else its
// original in the default locale (not translated), else not found; the
// one rule eight callers had written out.
func TestArticleOrDefault(t *testing.T) {
	lib := &Library{Config: Config{DefaultLocale: "en", Locales: []string{"en", "fr"}}, Articles: []*Article{
		{ID: "a", Locale: "en", Title: "A"}, {ID: "a", Locale: "fr", Title: "A fr"}, {ID: "b", Locale: "en", Title: "B"},
		{ID: "c", Locale: "fr", Title: "C fr"},
	}}
	v := NewView(lib, time.Now(), false)
	for _, c := range []struct{ id, locale, want string }{
		{"a", "fr", "A fr"}, {"b", "fr", "B"}, {"a", "en", "A"}, {"c", "fr", "C fr"}, {"c", "de", ""}, {"x", "fr", ""},
	} {
		a, err := v.ArticleOrDefault(c.id, c.locale)
		got := ""
		if err == nil {
			got = a.Title
		} else if ErrorCode(err) != ENOTFOUND {
			t.Errorf("%s/%s: %v", c.id, c.locale, err)
		}
		if got != c.want {
			t.Errorf("ArticleOrDefault(%q, %q) = %q, want %q", c.id, c.locale, got, c.want)
		}
	}
}
