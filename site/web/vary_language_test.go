package web_test

import (
	"slices"
	"strings"
	"testing"
)

// TestAnswersVaryByLanguage: an API answer whose locale was read from
// Accept-Language (no locale parameter) says so with Vary: Accept-Language.
// The context and FAQ answers are public for a minute (Cache-Control:
// public, max-age=60) and said Vary: Accept-Encoding only, so a CDN or a
// proxy cache in front of the help center served the French list to the
// next reader asking in English.
func TestAnswersVaryByLanguage(t *testing.T) {
	e := newEnv(t)
	varies := func(path, lang string) bool {
		w := e.do(t, "GET", path, nil, "Accept-Language", lang)
		if w.Code != 200 {
			t.Fatalf("%s: %d %s", path, w.Code, w.Body)
		}
		var all []string
		for _, v := range w.Header().Values("Vary") {
			for _, f := range strings.Split(v, ",") {
				all = append(all, strings.ToLower(strings.TrimSpace(f)))
			}
		}
		return slices.Contains(all, "accept-language")
	}
	for _, path := range []string{"/api/v1/faq", "/api/v1/context?url=/settings", "/api/v1/articles/billing/refund", "/api/v1/search?q=refund", "/api/v1/suggest?q=ref"} {
		if !varies(path, "fr") {
			t.Errorf("%s: no Vary: Accept-Language, though its locale was read from it", path)
		}
	}
}
