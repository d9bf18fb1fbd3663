package web_test

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/web/webtest"
)

// TestNoResultsIsNoDeadEnd: a search that finds nothing offers, in this
// order, the locale's most-read articles, its top questions, its
// categories, "Tell me when this is answered" (an e-mail to support with
// the question, while there is no subscription service) and the contact
// link; in French, the French articles and strings, then the English
// articles and categories not translated.
func TestNoResultsIsNoDeadEnd(t *testing.T) {
	e := newEnv(t)
	// Clicks: the invoices article most, then the password one; an unknown
	// ID is skipped. Neither has a French version: French readers are
	// offered the English ones.
	e.srv.SetArticleClicks(map[string]int{"billing/invoices": 9, "account/password": 4, "gone/article": 50})
	for _, tt := range []struct {
		path, status        string
		mostRead, top, cats []string
		subscribe, contact  string
	}{
		{"/search?q=zeppelin+hamster", "No articles match “zeppelin hamster”.",
			[]string{"/billing/invoices", "/account/password"}, []string{"/billing/refund"}, []string{"/account/", "/billing/"},
			"Tell me when this is answered", "Contact support"},
		{"/fr/search?q=zeppelin", "Aucun article ne correspond à « zeppelin ».",
			[]string{"/billing/invoices", "/account/password"}, []string{"/fr/billing/refund"}, []string{"/fr/billing/", "/account/"},
			"Prévenez-moi quand ce sera résolu", "Contacter le support"},
	} {
		w := e.do(t, "GET", tt.path, nil)
		if w.Code != 200 {
			t.Fatalf("%s: status %d", tt.path, w.Code)
		}
		d := webtest.Parse(t, w.Body.String())
		if got := d.Text("main [role=status]"); got != tt.status {
			t.Errorf("%s: status text %q, want %q", tt.path, got, tt.status)
		}
		if got := d.Attrs(".next-steps .most-read a", "href"); strings.Join(got, " ") != strings.Join(tt.mostRead, " ") {
			t.Errorf("%s: most read %v, want %v", tt.path, got, tt.mostRead)
		}
		if got := d.Attrs(".next-steps .top-questions li a", "href"); strings.Join(got, " ") != strings.Join(tt.top, " ") {
			t.Errorf("%s: top questions %v, want %v", tt.path, got, tt.top)
		}
		if got := d.Attrs(".next-steps .browse a", "href"); !sameSet(got, tt.cats) {
			t.Errorf("%s: categories %v, want %v", tt.path, got, tt.cats)
		}
		if got := d.Text(".next-steps .subscribe h2"); got != tt.subscribe {
			t.Errorf("%s: subscribe heading %q, want %q", tt.path, got, tt.subscribe)
		}
		mail, err := url.Parse(d.Attr(".next-steps .subscribe a", "href"))
		if err != nil || mail.Scheme != "mailto" || mail.Opaque != "help@acme.test" || !strings.Contains(mail.Query().Get("subject"), "zeppelin") {
			t.Errorf("%s: subscribe link %q, want a mail to help@acme.test about the query", tt.path, d.Attr(".next-steps .subscribe a", "href"))
		}
		if strings.Contains(d.Attr(".next-steps .subscribe a", "href"), "+") {
			t.Errorf("%s: mailto subject encodes spaces as +: %s", tt.path, d.Attr(".next-steps .subscribe a", "href"))
		}
		if got := d.Text(".next-steps .contact-support a"); got != tt.contact || d.Attr(".next-steps .contact-support a", "href") != "mailto:help@acme.test" {
			t.Errorf("%s: contact link %q → %q", tt.path, got, d.Attr(".next-steps .contact-support a", "href"))
		}
		// In the order of the issue.
		var order []string
		for _, n := range d.All(".next-steps section") {
			order = append(order, webtest.Attr(n, "class"))
		}
		want := "most-read top-questions browse subscribe contact-support"
		if len(tt.mostRead) == 0 {
			want = "top-questions browse subscribe contact-support"
		}
		if strings.Join(order, " ") != want {
			t.Errorf("%s: sections %v, want %s", tt.path, order, want)
		}
	}
}

// sameSet reports whether a and b hold the same strings, in any order.
func sameSet(a, b []string) bool {
	return strings.Join(slices.Sorted(slices.Values(a)), " ") == strings.Join(slices.Sorted(slices.Values(b)), " ")
}

// TestNoResultsListsOnce: an article both most read and a top question is
// listed once, among the most read.
func TestNoResultsListsOnce(t *testing.T) {
	e := newEnv(t)
	e.srv.SetArticleClicks(map[string]int{"billing/refund": 2})
	d := webtest.Parse(t, e.page(t, "/search?q=zeppelin"))
	if got := d.Attrs(".next-steps .most-read a", "href"); len(got) != 1 || got[0] != "/billing/refund" {
		t.Errorf("most read %v, want the refund article", got)
	}
	if d.Count(".next-steps .top-questions") != 0 {
		t.Errorf("top questions repeat the most read: %v", d.Attrs(".next-steps .top-questions a", "href"))
	}
	// Without clicks, no most-read section at all.
	e.srv.SetArticleClicks(nil)
	if d := webtest.Parse(t, e.page(t, "/search?q=zeppelin")); d.Count(".most-read") != 0 || d.Count(".top-questions") != 1 {
		t.Errorf("without clicks: %d most-read, %d top-questions sections", d.Count(".most-read"), d.Count(".top-questions"))
	}
}

// TestWeakResultsAreRelated: results that answer only part of the query
// are introduced as related articles, not as answers, and followed by
// "Tell me when this is answered" and the contact link; the API says weak.
// Results that answer it are counted as usual.
func TestWeakResultsAreRelated(t *testing.T) {
	e := newEnv(t)
	for _, tt := range []struct {
		path, h1, status string
		weak             bool
	}{
		{"/search?q=refund+zeppelin+hamster", "Articles related to “refund zeppelin hamster”", "No article answers all of “refund zeppelin hamster”; these are the closest.", true},
		{"/fr/search?q=remboursement+zeppelin+hamster", "Articles liés à « remboursement zeppelin hamster »", "Aucun article ne répond à tout « remboursement zeppelin hamster » ; voici les plus proches.", true},
		{"/search?q=refund", "Search results for “refund”", "", false},
	} {
		d := webtest.Parse(t, e.page(t, tt.path))
		if got := d.Text("h1"); got != tt.h1 {
			t.Errorf("%s: h1 %q, want %q", tt.path, got, tt.h1)
		}
		if !strings.HasPrefix(d.Text("title"), tt.h1+" – ") {
			t.Errorf("%s: title %q", tt.path, d.Text("title"))
		}
		hits := d.Attrs("ol.results li h2 a", "href")
		if len(hits) == 0 || !strings.HasSuffix(hits[0], "/billing/refund") {
			t.Errorf("%s: results %v, want the refund article first", tt.path, hits)
		}
		if got := d.Count("ol.results.related-results"); got != map[bool]int{true: 1, false: 0}[tt.weak] {
			t.Errorf("%s: %d related lists", tt.path, got)
		}
		if !tt.weak {
			if d.Count(".next-steps") != 0 || !strings.HasSuffix(d.Text("[role=status]"), "results") && d.Text("[role=status]") != "1 result" {
				t.Errorf("%s: an answer shown with next steps or without its count (%q)", tt.path, d.Text("[role=status]"))
			}
			continue
		}
		if got := d.Text("[role=status]"); got != tt.status {
			t.Errorf("%s: status %q, want %q", tt.path, got, tt.status)
		}
		// Under related articles: no more lists, the way out.
		var order []string
		for _, n := range d.All(".next-steps section") {
			order = append(order, webtest.Attr(n, "class"))
		}
		if strings.Join(order, " ") != "subscribe contact-support" {
			t.Errorf("%s: next steps %v, want subscribe and contact", tt.path, order)
		}
	}
	if r := e.searchJSON(t, "/api/v1/search?q=refund+zeppelin+hamster"); !r.Weak || r.Total == 0 {
		t.Errorf("API: weak %v total %d, want weak results", r.Weak, r.Total)
	}
	if w := e.do(t, "GET", "/api/v1/search?q=refund", nil); strings.Contains(w.Body.String(), `"weak"`) {
		t.Errorf("API: weak key for an answered query: %s", w.Body)
	}
}

// TestWidgetNextSteps: the widget panel carries the way out of a search
// without an answer for its script: the top questions, the categories,
// "Tell me when this is answered" (the e-mail's subject set in the browser
// from data-subject, in the panel's language) and the contact link.
func TestWidgetNextSteps(t *testing.T) {
	e := newEnv(t)
	for _, tt := range []struct{ path, subject, top string }{
		{"/widget/frame", "Tell me when this is answered: {query}", "/billing/refund"},
		{"/widget/frame?locale=fr", "Prévenez-moi quand ce sera résolu : {query}", "/fr/billing/refund"},
	} {
		d := webtest.Parse(t, e.page(t, tt.path))
		if got := d.Attrs("template#g-w-next .top-questions a", "href"); len(got) != 1 || got[0] != tt.top {
			t.Errorf("%s: top questions %v, want %s", tt.path, got, tt.top)
		}
		if d.Count("template#g-w-next .browse a") == 0 {
			t.Errorf("%s: no categories", tt.path)
		}
		if got := d.Attr("template#g-w-next .subscribe a", "data-subject"); got != tt.subject {
			t.Errorf("%s: subscribe subject %q, want %q", tt.path, got, tt.subject)
		}
		if got := d.Attr("template#g-w-next .subscribe a", "href"); got != "mailto:help@acme.test" {
			t.Errorf("%s: subscribe link %q", tt.path, got)
		}
		if got := d.Attr("template#g-w-next .contact-support a", "href"); got != "mailto:help@acme.test" {
			t.Errorf("%s: contact link %q", tt.path, got)
		}
	}
}

// TestSubscribeSubjectOneLine: a query with a line break cannot add a
// header to the e-mail "Tell me when this is answered" prepares.
func TestSubscribeSubjectOneLine(t *testing.T) {
	e := newEnv(t)
	d := webtest.Parse(t, e.page(t, "/search?q=zeppelin%0D%0ABcc:%20all@evil.test"))
	href := d.Attr(".subscribe a", "href")
	mail, err := url.Parse(href)
	if err != nil {
		t.Fatal(err)
	}
	if got := mail.Query().Get("subject"); strings.ContainsAny(got, "\r\n") || !strings.Contains(got, "zeppelin") || mail.Query().Get("bcc") != "" {
		t.Errorf("subject %q from %s", got, href)
	}
}
