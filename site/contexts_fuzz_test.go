package site

import (
	"testing"
	"time"
)

// FuzzContextPatterns compiles any front-matter context pattern and
// matches any host path and key against it: never a panic, whatever the
// bytes.
func FuzzContextPatterns(f *testing.F) {
	f.Add("/settings/billing/*", "/settings/billing/cards", "checkout")
	f.Add("/users/*/edit", "/users/42/edit", "")
	f.Add("/docs/**", "/docs/a/b/c", "")
	f.Add("/paramètres/*", "/paramètres/x", "clé")
	f.Add("/\xff\xfe*", "/\xff", "\xc3\x28")
	f.Add("***/**/*", "//", "*")
	f.Fuzz(func(t *testing.T, pattern, path, key string) {
		lib := &Library{Config: Config{DefaultLocale: "en"}, Articles: []*Article{
			{ID: "a", Locale: "en", Title: "A", URL: "/x/a", Contexts: []string{pattern, key}, CategoryID: "x", SectionID: "x"},
		}}
		ix := NewContextIndex(NewView(lib, time.Now(), false), nil)
		ix.Match("en", path, key, nil, 5)
		ix.Samples("en")
	})
}
