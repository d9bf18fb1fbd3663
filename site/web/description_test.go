package web_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/web/webtest"
)

// TestDescriptionsArePlainText: a front-matter description written in
// Markdown is shown as the text a reader sees, in the meta description,
// Open Graph and Twitter tags, the Article JSON-LD and the search API's
// snippet; text that only looks like HTML (<A4>, a < b) stays as typed.
func TestDescriptionsArePlainText(t *testing.T) {
	e, _ := newEnvFS(t, seoFiles())
	const want = "Use bold & links — not here"
	page := e.page(t, "/shipping/labels")
	doc := webtest.Parse(t, page)
	for _, sel := range []string{`meta[name="description"]`, `meta[property="og:description"]`, `meta[name="twitter:description"]`} {
		if n := doc.First(sel); n == nil || webtest.Attr(n, "content") != want {
			t.Errorf("%s: %v, want %q", sel, n, want)
		}
	}
	if got := structured(t, page)["Article"]["description"]; got != want {
		t.Errorf("Article JSON-LD description %q, want %q", got, want)
	}
	var res struct {
		Results []struct {
			URL, Snippet string
		} `json:"results"`
	}
	w := e.do(t, "GET", "/api/v1/search?q=label&locale=en", nil)
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Results {
		if r.URL == "/shipping/labels" && (strings.Contains(r.Snippet, "**") || strings.Contains(r.Snippet, "](")) {
			t.Errorf("search snippet shows Markdown: %q", r.Snippet)
		}
	}
	if n := webtest.Parse(t, e.page(t, "/shipping/drop-off")).First(`meta[name="description"]`); n == nil || webtest.Attr(n, "content") != "Paper <A4> only, when a < b" {
		t.Errorf("literal text changed: %v", n)
	}
	if n := webtest.Parse(t, e.page(t, "/shipping/")).First(`meta[name="description"]`); n == nil || webtest.Attr(n, "content") != "Send parcels with labels" {
		t.Errorf("category description: %v", n)
	}
	if n := webtest.Parse(t, e.page(t, "/de/shipping/labels")).First(`meta[name="description"]`); n == nil || webtest.Attr(n, "content") != "Mit Etikett drucken" {
		t.Errorf("translated description: %v", n)
	}
}
