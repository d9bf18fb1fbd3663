package main

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestPaginationArrowsMirrorRightToLeft: the search pages' "previous" and
// "next" arrows are drawn as the theme's other arrows (span.arrow, which
// the stylesheet turns on right-to-left pages, hidden from screen readers),
// so that on an Arabic page "next" points left, the way the reader goes,
// and a screen reader does not read "left arrow" before "previous".
func TestPaginationArrowsMirrorRightToLeft(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "default_locale: en\nlocales: [en, ar]\n")
	for i := 1; i <= 24; i++ {
		writeFile(t, dir, fmt.Sprintf("roam/r%02d.md", i), fmt.Sprintf("---\ntitle: Roaming %d\n---\nRoaming %d.\n", i, i))
		writeFile(t, dir, fmt.Sprintf("roam/r%02d.ar.md", i), fmt.Sprintf("---\ntitle: التجوال %d\n---\nالتجوال في البلد %d.\n", i, i))
	}
	m := openMain(t, dir, false)
	w := from(m, "10.0.0.1:1", "GET", "/ar/search?q="+url.QueryEscape("التجوال")+"&page=2", "")
	body := w.Body.String()
	if w.Code != 200 || !strings.Contains(body, `dir="rtl"`) {
		t.Fatalf("page 2 of the Arabic search: %d", w.Code)
	}
	for _, rel := range []string{"prev", "next"} {
		a := regexp.MustCompile(`<a rel="` + rel + `"[^>]*>(.*?)</a>`).FindStringSubmatch(body)
		if a == nil {
			t.Fatalf("no %s link on page 2 of 3", rel)
		}
		if !strings.Contains(a[1], `<span class="arrow" aria-hidden="true">`) {
			t.Errorf("the %s link %q writes its arrow as text: on a right-to-left page it points the wrong way, and screen readers read it", rel, a[1])
		}
	}
}
