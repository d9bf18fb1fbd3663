package web

import (
	"html/template"
	"strings"
	"testing"
)

// TestHotPagesBound: past its bound in bytes the cache lets the least
// recently used page go, which is rendered again on its next request; a
// page used since is kept.
func TestHotPagesBound(t *testing.T) {
	tmpl := &templates{pages: map[string]*template.Template{
		"p": template.Must(template.New("p").Parse(`{{define "layout"}}{{.}}{{end}}`)),
	}}
	renders := map[string]int{}
	page := func(text string) *blob {
		return newLazyBlob("p", func() any { renders[text]++; return text })
	}
	// Incompressible enough that each page weighs about its length.
	body := func(c byte) string { return strings.Repeat(string(c), 600) }
	a, b, c := page(body('a')), page(body('b')), page(body('c'))
	one, err := a.ready(tmpl.render, newHotPages(1))
	if err != nil {
		t.Fatal(err)
	}
	hot := newHotPages(2 * one.size()) // room for two pages
	get := func(bl *blob) {
		t.Helper()
		if _, err := bl.ready(tmpl.render, hot); err != nil {
			t.Fatal(err)
		}
	}
	renders = map[string]int{}
	a.lazy.cur, a.lazy.el = nil, nil
	get(a)
	get(b)
	get(a) // a is now the most recent
	get(c) // pushes b out, not a
	get(a)
	get(b) // rendered again
	if renders[body('a')] != 1 || renders[body('b')] != 2 || renders[body('c')] != 1 {
		t.Errorf("renders a=%d b=%d c=%d, want 1, 2 (pushed out and asked again), 1",
			renders[body('a')], renders[body('b')], renders[body('c')])
	}
	if hot.size > hot.max {
		t.Errorf("hot pages hold %d bytes, bound %d", hot.size, hot.max)
	}
}
