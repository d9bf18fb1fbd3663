package web

import (
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestSitemapIndex: past the per-file limit, /sitemap.xml indexes parts
// that hold every URL once.
func TestSitemapIndex(t *testing.T) {
	v := &site.View{Lib: &site.Library{Config: site.Config{BaseURL: "https://help.example.com"}}}
	var entries []sitemapURL
	for _, p := range []string{"/a", "/b", "/c", "/d", "/e", "/f", "/g"} {
		entries = append(entries, sitemapURL{Loc: "https://help.example.com" + p, LastMod: "2026-0" + string(rune('1'+len(entries))) + "-01"})
	}
	pages := map[string]*blob{}
	if err := buildSitemaps(v, entries, 3, pages); err != nil {
		t.Fatal(err)
	}
	index := string(pages["/sitemap.xml"].body)
	for _, want := range []string{"<sitemapindex", "<loc>https://help.example.com/sitemap-1.xml</loc>", "<loc>https://help.example.com/sitemap-3.xml</loc>", "<lastmod>2026-07-01</lastmod>"} {
		if !strings.Contains(index, want) {
			t.Errorf("sitemap index lacks %s:\n%s", want, index)
		}
	}
	seen := 0
	for i := 1; i <= 3; i++ {
		part := string(pages["/sitemap-"+string(rune('0'+i))+".xml"].body)
		seen += strings.Count(part, "<url>")
	}
	if seen != 7 || pages["/sitemap-4.xml"] != nil {
		t.Errorf("parts list %d URLs, want 7", seen)
	}
}

func TestAbsLinks(t *testing.T) {
	v := &site.View{Lib: &site.Library{Config: site.Config{BaseURL: "https://help.example.com/"}}}
	in := `<a href="/billing/refund#fees">x</a> <img src="/_content/a.png" alt="y"> <a href="//cdn.example.com/x">z</a> <a href="https://e.com/">w</a> <a title="/not-a-link" href="#top">t</a>`
	// A link to a place of the article is to that place of its page.
	want := `<a href="https://help.example.com/billing/refund#fees">x</a> <img src="https://help.example.com/_content/a.png" alt="y"> <a href="//cdn.example.com/x">z</a> <a href="https://e.com/">w</a> <a title="/not-a-link" href="https://help.example.com/billing/refund#top">t</a>`
	if got := absLinks(v, "/billing/refund", in); got != want {
		t.Errorf("absLinks:\n got %s\nwant %s", got, want)
	}
}
