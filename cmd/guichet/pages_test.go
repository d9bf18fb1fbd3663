package main

import (
	"net/url"
	"slices"
	"sort"
	"testing"

	"github.com/guichet/guichet/site/web"
	"github.com/guichet/guichet/site/web/webtest"
)

// TestEveryPageTypeRenders requests one page of each template of the theme
// through the real router (content, store and index), in dev mode so the
// error panel of a broken article is served too: each answers its status
// with the element only its template has. Templates fail on a missing key,
// so a field a page's data lacks is a 500 here.
func TestEveryPageTypeRenders(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nlocales: [en, fr]\n")
	writeFile(t, dir, "billing/refund.md", "---\ntitle: Get a refund\nfaq: pinned\n---\nMoney back in five days.\n")
	writeFile(t, dir, "billing/refund.fr.md", "---\ntitle: Obtenir un remboursement\n---\nRemboursé en cinq jours.\n")
	writeFile(t, dir, "billing/broken.md", "---\ntitle: [unclosed\n---\nBody.\n")
	m := openMain(t, dir, true)
	cases := []struct {
		template, method, path, body string
		status                       int
		selector                     string
	}{
		{"home", "GET", "/", "", 200, ".hero"},
		{"home", "GET", "/fr/", "", 200, ".hero"},
		{"category", "GET", "/billing/", "", 200, `nav[aria-label="Breadcrumb"]`},
		{"article", "GET", "/billing/refund", "", 200, `form[action="/feedback"]`},
		{"article", "GET", "/fr/billing/refund", "", 200, `form[action="/feedback"]`},
		{"broken", "GET", "/billing/broken", "", 200, ".error-panel"},
		{"search", "GET", "/search?q=refund", "", 200, ".search-page"},
		{"search", "GET", "/fr/search?q=zzzz", "", 200, ".search-page"},
		{"error", "GET", "/no/such/page", "", 404, ".article-list"},
		{"thanks", "POST", "/feedback", url.Values{"article": {"billing/refund"}, "helpful": {"yes"}, "locale": {"en"}}.Encode(), 200, `main a[href="/billing/refund"]`},
		{"thanks", "POST", "/feedback", url.Values{"article": {"billing/refund"}, "helpful": {"no"}, "locale": {"en"}}.Encode(), 200, "form.feedback"},
		{"admin", "GET", "/admin/", "", 200, ".admin-login"},
		{"faq", "GET", "/faq", "", 200, "main h1"},
		{"widget", "GET", "/widget/frame", "", 200, "body.w"},
		{"demo", "GET", "/widget/demo", "", 200, ".demo-app"},
		{"contact", "GET", "/contact?subject=refund", "", 200, `.contact-suggestions a[href="/billing/refund"]`},
		{"contact", "GET", "/fr/contact", "", 200, "form.contact-lookup"},
		{"subscription", "GET", "/subscriptions/unsubscribe?token=unknown&locale=fr", "", 200, ".subscription-page h1"},
	}
	var covered []string
	for _, c := range cases {
		t.Run(c.template+" "+c.path, func(t *testing.T) {
			w := serve(m, c.method, c.path, c.body, "Sec-Fetch-Site", "same-origin")
			if w.Code != c.status {
				t.Fatalf("%s %s: status %d, want %d: %.300s", c.method, c.path, w.Code, c.status, w.Body)
			}
			if webtest.Parse(t, w.Body.String()).Count(c.selector) == 0 {
				t.Errorf("%s %s: no %s: not the %s page", c.method, c.path, c.selector, c.template)
			}
		})
		covered = append(covered, c.template)
	}
	sort.Strings(covered)
	want := web.PageTemplates()
	sort.Strings(want)
	if got := slices.Compact(covered); !slices.Equal(got, want) {
		t.Errorf("page types requested %v, the theme has %v", got, want)
	}
}
