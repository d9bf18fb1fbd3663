package web_test

import (
	"context"
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/guichet/guichet/site/web/webtest"
)

// pantry is a help center of another product than the fixture's, served
// under a path of its host (base_url https://help.pantry.test/docs), as
// an app embedding its articles sees it.
func pantry(t *testing.T) *env {
	e, _ := newEnvFS(t, map[string]string{
		"guichet.yaml":     "title: Pantry Help\nbase_url: https://help.pantry.test/docs\ndefault_locale: en\n",
		"orders/_index.md": "---\ntitle: Orders\n---\n",
		"orders/Track-Order.md": "---\ntitle: Track an order\n---\nSee the ![parcel label](label.png) and [how to cancel](cancel.md), " +
			"[its fees](#fees), [the printable guide](guide.pdf), [the why](../orders/cancel.md#why) and [the carrier](https://carrier.test/track).\n\n## Fees\n\nNone.\n",
		"orders/cancel.md": "---\ntitle: Cancel an order\n---\nBefore it ships.\n\n## Why\n\nChanged your mind.\n",
		"orders/label.png": "png",
		"orders/guide.pdf": "pdf",
	})
	return e
}

// apiError reads the message of a JSON error answer.
func apiError(t *testing.T, body []byte) string {
	t.Helper()
	var resp struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		t.Fatalf("not a JSON error: %s", body)
	}
	return resp.Error.Message
}

// TestArticleAPIAbsoluteLinks: the articles API's HTML is shown on
// another site (an app's own help page), where the site-relative links
// and images it had (src="/_content/…", href="/orders/cancel") pointed at
// the app's host: they are absolute under base_url. A link to a place of
// the article (href="#fees") stays one, its heading's id coming along.
func TestArticleAPIAbsoluteLinks(t *testing.T) {
	e := pantry(t)
	w := e.do(t, "GET", "/api/v1/articles/orders/track-order", nil)
	var a struct{ HTML string }
	if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &a) != nil {
		t.Fatalf("GET article: %d %s", w.Code, w.Body)
	}
	for _, want := range []string{
		`src="https://help.pantry.test/docs/_content/orders/label.png"`,
		`href="https://help.pantry.test/docs/orders/cancel"`,
		`href="https://help.pantry.test/docs/_content/orders/guide.pdf"`,
		`href="https://help.pantry.test/docs/orders/cancel#why"`,
		`href="https://carrier.test/track"`,
		`href="#fees"`, `id="fees"`,
	} {
		if !strings.Contains(a.HTML, want) {
			t.Errorf("article HTML lacks %s:\n%s", want, a.HTML)
		}
	}
	if strings.Contains(a.HTML, `="/`) {
		t.Errorf("article HTML keeps a site-relative URL:\n%s", a.HTML)
	}
}

// TestAPIHead: HEAD on the read endpoints answers as GET without the
// body (uptime monitors and caches check them so); it was a 405. A HEAD
// search is not recorded: nobody read its results.
func TestAPIHead(t *testing.T) {
	e := pantry(t)
	for _, target := range []string{"/api/v1/search?q=track", "/api/v1/suggest?q=tra", "/api/v1/articles/orders/track-order",
		"/api/v1/faq", "/api/v1/context?url=/orders"} {
		get := e.do(t, "GET", target, nil)
		head := e.do(t, "HEAD", target, nil)
		if head.Code != get.Code || get.Code != 200 || head.Body.Len() != 0 ||
			head.Header().Get("Content-Type") != get.Header().Get("Content-Type") ||
			head.Header().Get("Access-Control-Allow-Origin") != get.Header().Get("Access-Control-Allow-Origin") {
			t.Errorf("HEAD %s: %d, %d bytes, %q; GET: %d %q", target, head.Code, head.Body.Len(), head.Header().Get("Content-Type"),
				get.Code, get.Header().Get("Content-Type"))
		}
	}
	if w := e.do(t, "HEAD", "/api/v1/articles/orders/nothing", nil); w.Code != 404 || w.Body.Len() != 0 {
		t.Errorf("HEAD of a missing article: %d, %d bytes", w.Code, w.Body.Len())
	}
	if w := e.do(t, "HEAD", "/api/v1/search?q=cancel", nil, "Accept-Encoding", "gzip"); w.Code != 200 || w.Body.Len() != 0 {
		t.Errorf("HEAD with gzip: %d, %d bytes", w.Code, w.Body.Len())
	}
	if w := e.do(t, "HEAD", "/search?q=carrier", nil); w.Code != 200 || w.Body.Len() != 0 {
		t.Errorf("HEAD /search: %d, %d bytes", w.Code, w.Body.Len())
	}
	if err := e.rec.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := e.db.RecentSearches(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range got {
		if s.Query == "cancel" || s.Query == "carrier" {
			t.Errorf("a HEAD search was recorded: %+v", s)
		}
	}
}

// TestAPIRepeatedParameter: a parameter given twice (?q=a&q=b) was read
// as its first value, the second silently dropped: a 400 naming it, on
// every endpoint, as a JSON field given twice is.
func TestAPIRepeatedParameter(t *testing.T) {
	e := pantry(t)
	for _, tc := range []struct{ target, param string }{
		{"/api/v1/search?q=track&q=cancel", "q"},
		{"/api/v1/suggest?q=tra&limit=3&limit=5", "limit"},
		{"/api/v1/articles/orders/track-order?locale=en&locale=en", "locale"},
		{"/api/v1/faq?limit=1&limit=2", "limit"},
		{"/api/v1/context?url=/orders&url=/cart", "url"},
	} {
		w := e.do(t, "GET", tc.target, nil, "Origin", "https://app.pantry.test")
		if w.Code != 400 || !strings.HasPrefix(apiError(t, w.Body.Bytes()), tc.param+": given 2 times") {
			t.Errorf("GET %s: %d %s, want 400 naming %s", tc.target, w.Code, w.Body, tc.param)
		}
		if w.Header().Get("Access-Control-Allow-Origin") == "" {
			t.Errorf("GET %s: the app cannot read why (no Access-Control-Allow-Origin)", tc.target)
		}
	}
	if w := e.do(t, "POST", "/api/v1/events?source=a&source=b", strings.NewReader(`{"type":"view","article_id":"orders/cancel"}`)); w.Code != 400 {
		t.Errorf("POST events with a repeated parameter: %d %s", w.Code, w.Body)
	}
}

// TestEventsNullBody: a body of null was refused for a missing type
// ("type is required"), as if an object had been sent; it says what the
// body must be.
func TestEventsNullBody(t *testing.T) {
	e := pantry(t)
	for _, body := range []string{"null", " null\n"} {
		w := e.do(t, "POST", "/api/v1/events", strings.NewReader(body), "Content-Type", "application/json")
		if msg := apiError(t, w.Body.Bytes()); w.Code != 400 || msg != "event body must be a JSON object, not null" {
			t.Errorf("POST events %q: %d %q", body, w.Code, msg)
		}
	}
	w := e.do(t, "POST", "/api/v1/contact", strings.NewReader("null"), "Content-Type", "application/json")
	if msg := apiError(t, w.Body.Bytes()); w.Code != 400 || msg != "contact request body must be a JSON object, not null" {
		t.Errorf("POST contact null: %d %q", w.Code, msg)
	}
}

// TestEventArticleIDCase: an event's article_id is found as the site
// finds an article's ID, in any letter case ("ORDERS/track-order" for the
// file orders/Track-Order.md), as the articles API takes it, or as the
// article's path or URL on the help center (what an app copies from the
// address bar), as the tickets API takes it; it was a 400 "not a
// published article". It is recorded under the article's ID.
func TestEventArticleIDCase(t *testing.T) {
	e := pantry(t)
	ids := []string{"orders/Track-Order", "orders/track-order", "ORDERS/TRACK-ORDER",
		"/orders/track-order", "https://help.pantry.test/docs/orders/Track-Order?utm_source=app#fees"}
	for _, id := range ids {
		w := e.do(t, "POST", "/api/v1/events", strings.NewReader(`{"type":"view","article_id":"`+id+`","source":"api"}`))
		if w.Code != 202 {
			t.Errorf("view of %s: %d %s", id, w.Code, w.Body)
		}
	}
	for _, id := range []string{"orders/track", "https://other.test/docs/orders/track-order"} {
		if w := e.do(t, "POST", "/api/v1/events", strings.NewReader(`{"type":"view","article_id":"`+id+`"}`)); w.Code != 400 {
			t.Errorf("view of %s: %d %s", id, w.Code, w.Body)
		}
	}
	// The articles API, which the widget's openArticle() asks, finds it so too.
	for _, id := range ids {
		w := e.do(t, "GET", "/api/v1/articles/"+url.PathEscape(id), nil)
		if !strings.Contains(w.Body.String(), `"id":"orders/Track-Order"`) {
			t.Errorf("GET article %s: %d %s", id, w.Code, w.Body)
		}
	}
	if err := e.rec.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := e.db.RecentEvents(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ids) {
		t.Fatalf("recorded %d events, want %d", len(got), len(ids))
	}
	for _, ev := range got {
		if ev.ArticleID != "orders/Track-Order" {
			t.Errorf("recorded under %q, want the article's ID orders/Track-Order", ev.ArticleID)
		}
	}
}

// TestWidgetFrameShowsArticleImages: the panel shows articles from the
// articles API, whose images are absolute under base_url; when base_url
// is http (a help center tried on a laptop, its base_url guessed from
// the listen address) and the app loads the widget from another name
// (127.0.0.1), the panel's policy must still let them load: it allowed
// only its own origin and https.
func TestWidgetFrameShowsArticleImages(t *testing.T) {
	e, _ := newEnvFS(t, map[string]string{
		"guichet.yaml":     "title: Pantry Help\nbase_url: http://localhost:8080\nwidget:\n  allowed_origins: [\"*\"]\n",
		"orders/_index.md": "---\ntitle: Orders\n---\n",
		"orders/track.md":  "---\ntitle: Track an order\n---\nSee the ![parcel label](label.png).\n",
		"orders/label.png": "png",
	})
	w := e.do(t, "GET", "http://127.0.0.1:8080/api/v1/articles/orders/track", nil)
	var a struct{ HTML string }
	json.Unmarshal(w.Body.Bytes(), &a)
	src := webtest.Parse(t, a.HTML).Attr("img", "src")
	u, err := url.Parse(src)
	if err != nil || u.Host == "" {
		t.Fatalf("image %q", src)
	}
	f := e.do(t, "GET", "http://127.0.0.1:8080/widget/frame?locale=en", nil)
	var img []string
	for _, d := range strings.Split(f.Header().Get("Content-Security-Policy"), ";") {
		if f := strings.Fields(d); len(f) > 0 && f[0] == "img-src" {
			img = f[1:]
		}
	}
	allowed := false
	for _, s := range img {
		allowed = allowed || s == u.Scheme+":" || s == u.Scheme+"://"+u.Host
	}
	if f.Code != 200 || !allowed {
		t.Errorf("panel: %d, img-src %q does not allow the article's image %s", f.Code, img, src)
	}
}

// TestPagesUnderPublicPath: a help center whose base_url has a path
// (https://help.pantry.test/docs), behind a proxy that strips it, writes
// that path before every path its pages and redirects lead to: they led
// to the host's root (/orders/cancel, /static/…), another site.
func TestPagesUnderPublicPath(t *testing.T) {
	e := pantry(t)
	w := e.do(t, "GET", "/orders/track-order", nil)
	body := w.Body.String()
	for _, want := range []string{`href="/docs/orders/cancel"`, `href="/docs/orders/"`, `href="/docs/static/style.`, `src="/docs/static/js/app.`,
		`action="/docs/search"`, `data-suggest="/docs/api/v1/suggest"`, `action="/docs/feedback"`, `data-base="/docs"`} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %s", want)
		}
	}
	if regexp.MustCompile(`\s(?:href|src|action)="/[^/d]`).MatchString(body) {
		t.Errorf("article page keeps a path from the host's root: %s", regexp.MustCompile(`\s(?:href|src|action)="/[^/d][^"]*"`).FindAllString(body, -1))
	}
	for from, to := range map[string]string{"/orders": "/docs/orders/", "/admin": "/docs/admin/"} {
		if w := e.do(t, "GET", from, nil); w.Code/100 != 3 || w.Header().Get("Location") != to {
			t.Errorf("GET %s: %d to %q, want a redirect to %s", from, w.Code, w.Header().Get("Location"), to)
		}
	}
}
