package web_test

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/sqlite"
	"github.com/guichet/guichet/site/web"
	"github.com/guichet/guichet/site/web/webtest"
	"github.com/guichet/guichet/static"
	"github.com/guichet/guichet/themes"
)

// fixture is a small help center exercising every page type.
var fixture = fstest.MapFS{
	"guichet.yaml":         {Data: []byte("title: Acme Help\nbase_url: https://help.acme.test\ndefault_locale: en\nlocales: [en, fr]\ncontact_url: mailto:help@acme.test\nbrand_color: \"#1d4ed8\"\n")},
	"redirects.yaml":       {Data: []byte("- from: /old/pricing\n  to: /billing/refund\n- from: /billing/legacy-plan\n  to: \"\"\n")},
	"billing/_index.md":    {Data: []byte("---\ntitle: Billing\ndescription: Plans, invoices and refunds.\nweight: 1\n---\n")},
	"billing/_index.fr.md": {Data: []byte("---\ntitle: Facturation\ndescription: Offres, factures et remboursements.\n---\n")},
	"billing/refund.md": {Data: []byte(`---
title: How do I get a refund?
id: billing/refund
description: Ask for a refund within 30 days of payment.
keywords: [money back]
tags: [refund, billing]
faq: pinned
aliases: [/billing/money-back]
updated: 2026-09-14
---
Refunds are possible within 30 days.

## Refund fees

A refund costs nothing. See [invoices](invoices.md).

## Timing

Refunds arrive in 5 to 10 business days.
`)},
	"billing/refund.fr.md": {Data: []byte(`---
title: Comment obtenir un remboursement ?
id: billing/refund
description: Demandez un remboursement dans les 30 jours.
---
Les remboursements sont possibles pendant 30 jours après le paiement annulé.

## Frais

Aucun frais.
`)},
	"billing/invoices.md":            {Data: []byte("---\ntitle: Download your invoices\ndescription: Every invoice is a PDF in Settings.\ntags: [billing]\n---\nOpen Settings then Invoices to download a PDF.\n")},
	"billing/xss.md":                 {Data: []byte("---\ntitle: \"<script>alert(1)</script> Tricky title\"\ndescription: \"<img src=x onerror=alert(2)>\"\n---\nBody with <b>raw html</b> and [bad](javascript:alert(3)).\n")},
	"billing/secret.md":              {Data: []byte("---\ntitle: Secret draft\ndraft: true\n---\nNot yet.\n")},
	"billing/future.md":              {Data: []byte("---\ntitle: Future pricing\npublish_at: 2099-01-01\n---\nLater.\n")},
	"account/password.md":            {Data: []byte("---\ntitle: Reset your password\ndescription: Use the reset link on the sign-in page.\n---\nClick Forgot password on the sign-in page.\n")},
	"account/security/two-factor.md": {Data: []byte("---\ntitle: Turn on two-factor authentication\n---\nOpen Security settings.\n")},
}

type env struct {
	srv  *web.Server
	db   *sqlite.DB
	rec  *sqlite.Recorder
	view *site.View
	idx  *search.Index
}

func newEnv(t *testing.T) *env { return newEnvMode(t, false) }

// newEnvMode serves the fixture with a real SQLite file and bleve index;
// dev shows drafts and enables the reload script.
func newEnvMode(t *testing.T, dev bool) *env {
	t.Helper()
	return newEnvWith(t, func(o *web.Options) { o.Dev = dev })
}

// newEnvWith serves the fixture like newEnvMode, with the server's options
// changed by opts.
func newEnvWith(t testing.TB, opts ...func(*web.Options)) *env {
	t.Helper()
	ctx := context.Background()
	lib, err := content.Load(ctx, fixture, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "guichet.db"))
	if err != nil {
		t.Fatal(err)
	}
	rec := sqlite.NewRecorder(db, sqlite.RecorderOptions{})
	t.Cleanup(func() {
		rec.Close(context.Background())
		db.Close()
	})
	theme, _ := fs.Sub(themes.FS, "default")
	o := web.Options{Theme: theme, Static: static.FS, Content: fixture, Recorder: rec, ExtraCSS: content.HighlightCSS(), VisitorKeys: db.VisitorKey, Auth: db}
	for _, f := range opts {
		f(&o)
	}
	srv, err := web.New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	view := site.NewView(lib, time.Now(), o.Dev)
	idx, err := search.Build(ctx, view, filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	if _, err := srv.Publish(view, idx); err != nil {
		t.Fatal(err)
	}
	return &env{srv: srv, db: db, rec: rec, view: view, idx: idx}
}

func (e *env) do(t *testing.T, method, target string, body io.Reader, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, req)
	return w
}

// head reads what every page's head says about it: title, description,
// canonical URL, and its h1 elements.
type head struct {
	title, desc, canonical string
	h1                     []string
}

func readHead(t *testing.T, body string) head {
	t.Helper()
	d := webtest.Parse(t, body)
	return head{title: d.Text("title"), desc: d.Attr("meta[name=description]", "content"),
		canonical: d.Attr("link[rel=canonical]", "href"), h1: d.Texts("h1")}
}

func TestPages(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		path, title, desc, canonical, h1 string
		contains                         []string
	}{
		{"/", "Acme Help", "Answers to your questions.", "https://help.acme.test/", "Acme Help",
			[]string{`href="/billing/"`, `href="/billing/refund"`, `hreflang="fr"`, `role="search"`}},
		{"/fr/", "Centre d’aide – Acme Help", "Des réponses à vos questions.", "https://help.acme.test/fr/", "Acme Help",
			[]string{`lang="fr"`, `href="/fr/billing/refund"`, "Questions fréquentes"}},
		{"/billing/", "Billing – Acme Help", "Plans, invoices and refunds.", "https://help.acme.test/billing/", "Billing",
			[]string{`href="/billing/invoices"`, `aria-label="Breadcrumb"`}},
		{"/account/", "Account – Acme Help", "Account: 2 articles.", "https://help.acme.test/account/", "Account",
			[]string{`href="/account/security/"`, "Security"}},
		{"/account/security/", "Security – Acme Help", "Security: 1 article.", "https://help.acme.test/account/security/", "Security",
			[]string{`href="/account/security/two-factor"`}},
		{"/billing/refund", "How do I get a refund? – Acme Help", "Ask for a refund within 30 days of payment.", "https://help.acme.test/billing/refund", "How do I get a refund?",
			[]string{`id="refund-fees"`, `href="#refund-fees"`, `href="/billing/invoices"`, `datetime="2026-09-14`, "Last updated: <time", "September 14, 2026",
				`hreflang="x-default"`, `href="/fr/billing/refund"`, `name="helpful" value="no"`, `action="/feedback"`}},
		// The contact form's own "description" field is not the page's.
		{"/contact?subject=refund", "Contact support – Acme Help", "Tell us what you need. As you type the subject, we suggest articles that may answer it at once.", "https://help.acme.test/contact", "Contact support",
			[]string{`name="description"`}},
		{"/fr/billing/refund", "Comment obtenir un remboursement ? – Acme Help", "Demandez un remboursement dans les 30 jours.", "https://help.acme.test/fr/billing/refund", "Comment obtenir un remboursement ?",
			[]string{"Dernière mise à jour", "Cet article vous a-t-il aidé ?", `href="/billing/refund"`}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			w := e.do(t, "GET", tt.path, nil)
			if w.Code != 200 {
				t.Fatalf("status %d, want 200", w.Code)
			}
			body := w.Body.String()
			h := readHead(t, body)
			if h.title != tt.title {
				t.Errorf("title %q, want %q", h.title, tt.title)
			}
			if h.desc != tt.desc {
				t.Errorf("description %q, want %q", h.desc, tt.desc)
			}
			if h.canonical != tt.canonical {
				t.Errorf("canonical %q, want %q", h.canonical, tt.canonical)
			}
			if len(h.h1) != 1 || h.h1[0] != tt.h1 {
				t.Errorf("h1 %q, want one: %q", h.h1, tt.h1)
			}
			for _, s := range tt.contains {
				if !strings.Contains(body, s) {
					t.Errorf("page lacks %s", s)
				}
			}
		})
	}
}

func TestStatusCodes(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		method, path string
		status       int
		location     string
	}{
		{"GET", "/billing/secret", 404, ""},
		{"GET", "/billing/future", 404, ""},
		{"GET", "/billing/money-back", 301, "/billing/refund"},
		{"GET", "/old/pricing", 301, "/billing/refund"},
		{"GET", "/billing/legacy-plan", 410, ""},
		{"GET", "/billing", 301, "/billing/"},
		{"GET", "/billing/refund/", 301, "/billing/refund"},
		{"GET", "/fr", 301, "/fr/"},
		{"GET", "/no/such/page", 404, ""},
		{"HEAD", "/billing/refund", 200, ""},
		{"GET", "/api/v1/nope", 404, ""},
		{"GET", "/_content/../guichet.yaml", 404, ""},
		{"GET", "/_content/guichet.yaml", 404, ""},
		{"GET", "/healthz", 200, ""},
		// The routes table: locale routes, and content under names the
		// site uses elsewhere.
		{"GET", "/search?q=refund", 200, ""},
		{"GET", "/fr/search?q=remboursement", 200, ""},
		{"GET", "/search/?q=refund", 301, "/search?q=refund"},
		{"GET", "/fr/search/", 301, "/fr/search"},
		{"GET", "/billing/search", 404, ""},
		{"GET", "/faq", 200, ""},
		{"GET", "/fr/faq", 200, ""},
		{"GET", "/billing/faq", 404, ""},
		{"GET", "/feed.atom", 200, ""},
		{"GET", "/fr/feed.rss", 200, ""},
		{"GET", "/billing/feed.json", 200, ""},
		{"GET", "/feed.pdf", 404, ""},
		{"GET", "/sitemap.xml", 200, ""},
		{"GET", "/sitemap-1.xml", 404, ""},
		{"GET", "/robots.txt", 200, ""},
		{"GET", "/widget/demo", 200, ""},
		{"GET", "/admin", 301, "/admin/"},
		{"GET", "/_dev/version", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			w := e.do(t, tt.method, tt.path, nil)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d", w.Code, tt.status)
			}
			if got := w.Header().Get("Location"); got != tt.location {
				t.Errorf("Location %q, want %q", got, tt.location)
			}
		})
	}
	if w := e.do(t, "HEAD", "/billing/refund", nil); w.Body.Len() != 0 || w.Header().Get("ETag") == "" {
		t.Errorf("HEAD: body %d bytes, ETag %q", w.Body.Len(), w.Header().Get("ETag"))
	}
}

func TestDraftsAndScheduledAbsentEverywhere(t *testing.T) {
	e := newEnv(t)
	for _, p := range []string{"/", "/billing/", "/search?q=secret+draft", "/search?q=future+pricing", "/api/v1/search?q=secret", "/api/v1/suggest?q=futur"} {
		body := e.page(t, p)
		if strings.Contains(body, "Secret draft") || strings.Contains(body, "Future pricing") {
			t.Errorf("%s shows a draft or scheduled article", p)
		}
	}
}

func TestNotFoundSearchesPathWords(t *testing.T) {
	e := newEnv(t)
	w := e.do(t, "GET", "/help/refund-fees.html", nil)
	if w.Code != 404 {
		t.Fatalf("status %d", w.Code)
	}
	body := w.Body.String()
	if !strings.Contains(body, `href="/billing/refund"`) || !strings.Contains(body, `<meta name="robots" content="noindex">`) {
		t.Errorf("404 page does not suggest the refund article or is indexable:\n%s", body)
	}
	if got := readHead(t, body).title; got != "Page not found – Acme Help" {
		t.Errorf("title %q", got)
	}
}

func TestSearchPage(t *testing.T) {
	e := newEnv(t)
	w := e.do(t, "GET", "/search?q=refund+fees", nil)
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	body := w.Body.String()
	for _, s := range []string{`<meta name="robots" content="noindex">`, `href="/billing/refund#refund-fees"`, "<mark>", `value="refund fees"`} {
		if !strings.Contains(body, s) {
			t.Errorf("search page lacks %s", s)
		}
	}
	// Markup in the query is shown as text.
	body = e.do(t, "GET", "/search?q="+url.QueryEscape(`<script>alert(1)</script>`), nil).Body.String()
	if strings.Contains(body, "<script>alert(1)") {
		t.Error("query markup injected into the search page")
	}
	// French search finds the accented French article.
	body = e.page(t, "/fr/search?q=annule")
	if !strings.Contains(body, `href="/fr/billing/refund`) {
		t.Error("French search for 'annule' does not find 'annulé'")
	}
	// A query longer than the box takes is searched by what fits: one
	// word of 300 letters, cut (the API answers 400, see
	// TestQueryLengthIsWhatWasMeant).
	if w := e.do(t, "GET", "/search?q="+strings.Repeat("a", 300), nil); w.Code != 200 || !strings.Contains(w.Body.String(), strings.Repeat("a", 200)) {
		t.Errorf("long query: status %d, want 200 and its beginning searched", w.Code)
	}
}

func TestPagination(t *testing.T) {
	e := newEnv(t)
	body := e.page(t, "/search?q=billing&page=1")
	if strings.Contains(body, `rel="prev"`) {
		t.Error("page 1 has a previous link")
	}
	if w := e.do(t, "GET", "/search?q=x&page=0", nil); w.Code != 400 {
		t.Errorf("page=0: status %d", w.Code)
	}
}

func TestEscaping(t *testing.T) {
	e := newEnv(t)
	w := e.do(t, "GET", "/billing/xss", nil)
	body := w.Body.String()
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	for _, bad := range []string{"<script>alert(1)", "<img src=x", "<b>raw", `href="javascript:`} {
		if strings.Contains(body, bad) {
			t.Errorf("article page contains %q", bad)
		}
	}
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt; Tricky title") {
		t.Error("title not shown escaped")
	}
	api := e.page(t, "/api/v1/search?q=tricky")
	if strings.Contains(api, "<script>") {
		t.Errorf("API JSON contains raw markup: %s", api)
	}
}

func TestConditionalAndCompressed(t *testing.T) {
	e := newEnv(t)
	w := e.do(t, "GET", "/billing/refund", nil, "Accept-Encoding", "gzip")
	if w.Header().Get("Content-Encoding") != "gzip" {
		t.Fatal("page not gzipped")
	}
	zr, err := gzip.NewReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if !strings.Contains(string(plain), "How do I get a refund?") {
		t.Error("gzip body does not decode to the page")
	}
	etag := w.Header().Get("ETag")
	if w := e.do(t, "GET", "/billing/refund", nil, "If-None-Match", etag); w.Code != 304 {
		t.Errorf("If-None-Match: status %d, want 304", w.Code)
	}
	// Fingerprinted assets are immutable.
	home := e.page(t, "/")
	css := regexp.MustCompile(`href="(/static/style\.[0-9a-f]+\.css)"`).FindStringSubmatch(home)
	if css == nil {
		t.Fatal("no fingerprinted stylesheet on the home page")
	}
	w = e.do(t, "GET", css[1], nil)
	if w.Code != 200 || !strings.Contains(w.Header().Get("Cache-Control"), "immutable") {
		t.Errorf("asset %s: status %d, Cache-Control %q", css[1], w.Code, w.Header().Get("Cache-Control"))
	}
	if !strings.Contains(w.Body.String(), ".chroma") {
		t.Error("stylesheet lacks the syntax highlighting rules")
	}
}

type apiResult struct {
	Query    string `json:"query"`
	Locale   string `json:"locale"`
	Total    int    `json:"total"`
	SearchID string `json:"search_id"`
	Results  []struct {
		ID, Title, URL, Category, Locale, Snippet string
	} `json:"results"`
}

func TestSearchAPI(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		target, lang string
		status       int
		firstURL     string
		locale       string
	}{
		{"/api/v1/search?q=refund", "", 200, "/billing/refund", "en"},
		{"/api/v1/search?q=refnud", "", 200, "", "en"},
		{"/api/v1/search?q=reimbursement+fees&limit=5", "", 200, "", "en"},
		{"/api/v1/suggest?q=how+do+i+get+a+ref", "", 200, "/billing/refund", "en"},
		{"/api/v1/suggest?q=rembours", "fr-FR,fr;q=0.9", 200, "/fr/billing/refund", "fr"},
		{"/api/v1/suggest?q=passw&locale=fr", "", 200, "/account/password", "en"},
		{"/api/v1/search?q=", "", 200, "", "en"},
		{"/api/v1/search?q=%2Btitle%3Ax+-y+%22z+*+~2+%5C", "", 200, "", "en"},
		{"/api/v1/search?q=" + strings.Repeat("x", 257), "", 400, "", ""},
		{"/api/v1/suggest?q=" + strings.Repeat("é", 256), "", 400, "", ""},
		{"/api/v1/suggest?q=" + strings.Repeat("é", 255), "", 200, "", "en"},
		{"/api/v1/search?q=+++", "", 200, "", "en"},
		{"/api/v1/search?q=a&limit=0", "", 400, "", ""},
		{"/api/v1/search?q=a&limit=51", "", 400, "", ""},
		{"/api/v1/search?q=refund&offset=1000", "", 200, "", "en"},
		{"/api/v1/search?q=refund&offset=1001", "", 400, "", ""},
		{"/api/v1/suggest?q=ref&offset=10000", "", 400, "", ""},
		{"/api/v1/suggest?q=a&limit=abc", "", 400, "", ""},
		{"/api/v1/search?q=a&locale=de", "", 400, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			w := e.do(t, "GET", tt.target, nil, "Accept-Language", tt.lang)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			if !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
				t.Errorf("Content-Type %q", w.Header().Get("Content-Type"))
			}
			if tt.status != 200 {
				var e struct {
					Error struct{ Code, Message string } `json:"error"`
				}
				if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
					t.Errorf("error body %s", w.Body)
				}
				return
			}
			var res apiResult
			if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
				t.Fatal(err)
			}
			if res.SearchID == "" || res.Results == nil {
				t.Errorf("missing search_id or results: %s", w.Body)
			}
			if res.Locale != tt.locale {
				t.Errorf("locale %q, want %q", res.Locale, tt.locale)
			}
			if tt.firstURL != "" && (len(res.Results) == 0 || res.Results[0].URL != tt.firstURL) {
				t.Errorf("first result %+v, want %s", res.Results, tt.firstURL)
			}
			if strings.Contains(tt.target, "refnud") && (len(res.Results) == 0 || res.Results[0].ID != "billing/refund") {
				t.Errorf("typo not forgiven: %+v", res.Results)
			}
		})
	}
}

func TestArticleAPI(t *testing.T) {
	e := newEnv(t)
	w := e.do(t, "GET", "/api/v1/articles/billing/refund?locale=fr", nil)
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	var a struct {
		ID, Locale, Title, URL, HTML string
		Translations                 map[string]string
	}
	json.Unmarshal(w.Body.Bytes(), &a)
	if a.Locale != "fr" || a.URL != "/fr/billing/refund" || !strings.Contains(a.HTML, "Aucun frais") || a.Translations["en"] != "/billing/refund" {
		t.Errorf("article %+v", a)
	}
	if w := e.do(t, "GET", "/api/v1/articles/billing/secret", nil); w.Code != 404 {
		t.Errorf("draft via API: status %d", w.Code)
	}
	// An ID in another letter case, as the tickets API and the admin page
	// take it (a file named Billing/Refund.md, its URL in lower case).
	w = e.do(t, "GET", "/api/v1/articles/Billing/REFUND?locale=fr", nil)
	a.ID, a.Locale = "", ""
	json.Unmarshal(w.Body.Bytes(), &a)
	if w.Code != 200 || a.ID != "billing/refund" || a.Locale != "fr" {
		t.Errorf("ID in another case: status %d, article %q in %q", w.Code, a.ID, a.Locale)
	}
	if w := e.do(t, "GET", "/api/v1/articles/Billing/Secret", nil); w.Code != 404 {
		t.Errorf("draft via API in another case: status %d", w.Code)
	}
	// An ID the help center has in no locale is named as asked: the error
	// named the default locale, where it was looked for last, as if the
	// French asked for were not the question.
	w = e.do(t, "GET", "/api/v1/articles/billing/gone?locale=fr", nil)
	if w.Code != 404 || !strings.Contains(w.Body.String(), `no article \"billing/gone\" on this help center`) || strings.Contains(w.Body.String(), "locale") {
		t.Errorf("unknown ID: status %d %s", w.Code, w.Body)
	}
}

// TestTypingCountsOnce types "refund" letter by letter through suggest, as
// the autocomplete does, and expects one recorded search.
func TestTypingCountsOnce(t *testing.T) {
	e := newEnv(t)
	sid := ""
	for i := 1; i <= len("refund"); i++ {
		target := "/api/v1/suggest?source=site&q=" + "refund"[:i]
		if sid != "" {
			target += "&sid=" + sid
		}
		w := e.do(t, "GET", target, nil)
		var res apiResult
		json.Unmarshal(w.Body.Bytes(), &res)
		if sid != "" && res.SearchID != sid {
			t.Fatalf("search_id changed mid-session: %s → %s", sid, res.SearchID)
		}
		sid = res.SearchID
	}
	if err := e.rec.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := e.db.RecentSearches(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Query != "refund" || got[0].Source != site.SourceSite || got[0].Results == 0 {
		t.Fatalf("recorded %+v, want one search for refund", got)
	}
	if w := e.do(t, "GET", "/api/v1/suggest?q=x&sid=not-an-id", nil); w.Code != 400 {
		t.Errorf("bad sid: status %d", w.Code)
	}
}

func TestEventsAPI(t *testing.T) {
	e := newEnv(t)
	tests := []struct {
		name, body string
		status     int
	}{
		{"click", `{"type":"click","article_id":"billing/refund","position":1,"search_id":"0123456789abcdef0123456789abcdef","source":"site"}`, 202},
		{"vote", `{"type":"vote","article_id":"billing/refund","locale":"fr","helpful":false,"reason":"inaccurate","comment":"<script>x</script>"}`, 202},
		{"final query", `{"type":"search","query":"cancel my plan","results":0,"source":"widget","context":"checkout"}`, 202},
		{"reading", `{"type":"view","article_id":"billing/refund","source":"widget"}`, 202},
		{"reading a draft", `{"type":"view","article_id":"billing/secret"}`, 400},
		{"unknown type", `{"type":"purchase","article_id":"billing/refund"}`, 400},
		{"no type", `{"article_id":"billing/refund"}`, 400},
		{"unknown article", `{"type":"click","article_id":"nope"}`, 400},
		{"draft article", `{"type":"vote","article_id":"billing/secret","helpful":true}`, 400},
		{"vote without helpful", `{"type":"vote","article_id":"billing/refund"}`, 400},
		{"bad reason", `{"type":"vote","article_id":"billing/refund","helpful":false,"reason":"meh"}`, 400},
		{"long comment", `{"type":"vote","article_id":"billing/refund","helpful":false,"comment":"` + strings.Repeat("a", 1001) + `"}`, 400},
		{"not json", `type=click`, 400},
		{"unknown field", `{"type":"click","article_id":"billing/refund","admin":true}`, 400},
		{"too large", `{"type":"search","query":"` + strings.Repeat("a", 9000) + `"}`, 413},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := e.do(t, "POST", "/api/v1/events", strings.NewReader(tt.body), "Content-Type", "text/plain")
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			if !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
				t.Errorf("Content-Type %q", w.Header().Get("Content-Type"))
			}
		})
	}
	e.rec.Flush(context.Background())
	evs, err := e.db.RecentEvents(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 3 {
		t.Fatalf("%d events stored, want 3: %+v", len(evs), evs)
	}
	var vote, view *site.Event
	for i := range evs {
		switch evs[i].Type {
		case site.EventVote:
			vote = &evs[i]
		case site.EventView:
			view = &evs[i]
		}
	}
	if view == nil || view.ArticleID != "billing/refund" || view.Source != site.SourceWidget {
		t.Errorf("reading stored as %+v", view)
	}
	if vote == nil || vote.Helpful == nil || *vote.Helpful || vote.Comment != "<script>x</script>" || vote.Locale != "fr" {
		t.Errorf("vote stored as %+v", vote)
	}
	ss, _ := e.db.RecentSearches(context.Background(), 10)
	if len(ss) != 1 || ss[0].Query != "cancel my plan" || ss[0].Source != site.SourceWidget || ss[0].Context != "checkout" {
		t.Errorf("searches %+v", ss)
	}
}

func TestFeedbackFormWithoutJS(t *testing.T) {
	e := newEnv(t)
	form := url.Values{"article": {"billing/refund"}, "locale": {"en"}, "helpful": {"yes"}}
	w := e.do(t, "POST", "/feedback", strings.NewReader(form.Encode()), "Content-Type", "application/x-www-form-urlencoded")
	if w.Code != 200 || !strings.Contains(w.Body.String(), "Thanks for your feedback!") || !strings.Contains(w.Body.String(), `href="/billing/refund"`) {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	e.rec.Flush(context.Background())
	evs, _ := e.db.RecentEvents(context.Background(), 10)
	if len(evs) != 1 || evs[0].Type != site.EventVote || evs[0].Helpful == nil || !*evs[0].Helpful {
		t.Errorf("events %+v", evs)
	}
	bad := url.Values{"article": {"billing/refund"}, "helpful": {"maybe"}}
	if w := e.do(t, "POST", "/feedback", strings.NewReader(bad.Encode()), "Content-Type", "application/x-www-form-urlencoded"); w.Code != 400 {
		t.Errorf("bad vote: status %d", w.Code)
	}
	// A comment at its limit of 1,000 characters fits in any script, 9 bytes
	// a character once percent-encoded in Japanese, 12 in emoji.
	for _, ch := range []string{"界", "🙂"} {
		no := url.Values{"article": {"billing/refund"}, "locale": {"en"}, "helpful": {"no"}, "reason": {"other"}, "step": {"final"},
			"comment": {strings.Repeat(ch, 1000)}}
		if w := e.do(t, "POST", "/feedback", strings.NewReader(no.Encode()), "Content-Type", "application/x-www-form-urlencoded"); w.Code != 200 {
			t.Errorf("comment of 1,000 %q: status %d", ch, w.Code)
		}
	}
	huge := url.Values{"article": {"billing/refund"}, "helpful": {"no"}, "comment": {strings.Repeat("a", 20000)}}
	if w := e.do(t, "POST", "/feedback", strings.NewReader(huge.Encode()), "Content-Type", "application/x-www-form-urlencoded"); w.Code != 413 {
		t.Errorf("20 KB form: status %d, want 413", w.Code)
	}
}

func TestEventRateLimit(t *testing.T) {
	e := newEnv(t)
	limited := false
	for i := 0; i < 100; i++ {
		w := e.do(t, "POST", "/api/v1/events", strings.NewReader(`{"type":"click","article_id":"billing/refund"}`))
		if w.Code == 429 {
			limited = true
			break
		}
	}
	if !limited {
		t.Error("100 rapid events from one client were never limited")
	}
	// A spoofed X-Forwarded-For from a non-proxy client does not reset the limit.
	req := httptest.NewRequest("POST", "/api/v1/events", strings.NewReader(`{"type":"click","article_id":"billing/refund"}`))
	req.RemoteAddr = "192.0.2.1:1234"
	for i := 0; i < 100; i++ {
		req = httptest.NewRequest("POST", "/api/v1/events", strings.NewReader(`{"type":"click","article_id":"billing/refund"}`))
		req.RemoteAddr = "192.0.2.1:1234"
		req.Header.Set("X-Forwarded-For", "10.0.0."+string(rune('0'+i%10)))
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, req)
		if w.Code == 429 {
			return
		}
	}
	t.Error("spoofed X-Forwarded-For escaped the rate limit")
}

func TestContentImages(t *testing.T) {
	fixture["billing/images/plan.svg"] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>`)}
	fixture["billing/images/unused.svg"] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>`)}
	fixture["billing/plans.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Plans\n---\n![The plans](images/plan.svg)\n")}
	defer delete(fixture, "billing/images/plan.svg")
	defer delete(fixture, "billing/images/unused.svg")
	defer delete(fixture, "billing/plans.md")
	e := newEnv(t)
	if w := e.do(t, "GET", "/_content/billing/images/unused.svg", nil); w.Code != 404 {
		t.Errorf("an image no article references: %d", w.Code)
	}
	w := e.do(t, "GET", "/_content/billing/images/plan.svg", nil)
	if w.Code != 200 || w.Header().Get("Content-Type") != "image/svg+xml" || !strings.Contains(w.Header().Get("Content-Security-Policy"), "sandbox") {
		t.Errorf("status %d, type %q, CSP %q", w.Code, w.Header().Get("Content-Type"), w.Header().Get("Content-Security-Policy"))
	}
}

// TestDevMode shows drafts with a badge, adds the reload script, and bumps
// the version the script polls at every Publish.
func TestDevMode(t *testing.T) {
	e := newEnvMode(t, true)
	srv := e.srv
	version := func() string {
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest("GET", "/_dev/version", nil))
		return w.Body.String()
	}
	v1 := version()
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest("GET", "/billing/secret", nil))
	if w.Code != 200 || !strings.Contains(w.Body.String(), `class="badge">Draft`) || !strings.Contains(w.Body.String(), "/static/js/dev.") {
		t.Fatalf("draft in dev mode: status %d", w.Code)
	}
	if !strings.Contains(w.Body.String(), `<meta name="robots" content="noindex">`) {
		t.Error("draft preview is indexable")
	}
	srv.Publish(e.view, e.idx)
	if v2 := version(); v2 == v1 || !strings.Contains(v2, `"version"`) {
		t.Errorf("version %s then %s", v1, v2)
	}
}

func TestSearchPastLastPage(t *testing.T) {
	e := newEnv(t)
	body := e.page(t, "/search?q=refund&page=99")
	if !strings.Contains(body, "There are no more results for “refund”.") || !strings.Contains(body, `href="/search?q=refund"`) {
		t.Errorf("page past the end does not say so or link back:\n%s", body)
	}
}

// TestPrivacy stores queries with personal data replaced and visitors as
// daily hashes, never raw IPs.
func TestPrivacy(t *testing.T) {
	e := newEnv(t)
	search := func(q, ip, ua string, hdr ...string) {
		req := httptest.NewRequest("GET", "/api/v1/search?q="+url.QueryEscape(q), nil)
		req.RemoteAddr = ip + ":4000"
		req.Header.Set("User-Agent", ua)
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, req)
		if w.Code != 200 {
			t.Fatalf("status %d", w.Code)
		}
	}
	search("refund for jane@example.com card 4111 1111 1111 1111", "203.0.113.7", "Firefox")
	search("refund", "203.0.113.7", "Firefox")
	search("refund", "203.0.113.7", "Chrome")                                     // same address, another User-Agent: same visitor
	search("refund", "203.0.113.7", "Firefox", "X-Forwarded-For", "198.51.100.1") // not from a trusted proxy: ignored
	search("invoice", "[2001:db8:1:2::1]", "Firefox")
	search("invoice", "[2001:db8:1:2:ffff::99]", "Safari") // the same /64
	search("invoice", "[2001:db8:1:3::1]", "Firefox")      // another /64
	e.rec.Flush(context.Background())
	got, err := e.db.RecentSearches(context.Background(), 10)
	if err != nil || len(got) != 7 {
		t.Fatalf("%d searches, %v", len(got), err)
	}
	byQuery := map[string]bool{}
	visitors := map[string]int{}
	for _, s := range got {
		byQuery[s.Query] = true
		visitors[s.Visitor]++
		if s.Visitor == "" || strings.Contains(s.Visitor, "203.0.113.7") || strings.Contains(s.Visitor, "2001") {
			t.Errorf("visitor %q", s.Visitor)
		}
	}
	if !byQuery["refund for [email] card [card]"] {
		t.Errorf("personal data stored: %v", byQuery)
	}
	counts := []int{}
	for _, n := range visitors {
		counts = append(counts, n)
	}
	sort.Ints(counts)
	if fmt.Sprint(counts) != "[1 2 4]" {
		t.Errorf("searches per visitor %v: want [1 2 4] (one IPv4 address whatever its User-Agent and a spoofed header, one IPv6 /64, another /64)", counts)
	}
}

// TestNotHelpfulAsksWhy follows a "No" without JavaScript: it is recorded
// at once, then the reasons are asked, and the answer completes that one
// vote with its reason and comment.
func TestNotHelpfulAsksWhy(t *testing.T) {
	e := newEnv(t)
	post := func(v url.Values) *httptest.ResponseRecorder {
		return e.do(t, "POST", "/feedback", strings.NewReader(v.Encode()), "Content-Type", "application/x-www-form-urlencoded")
	}
	page := e.page(t, "/billing/refund")
	if !strings.Contains(page, `class="feedback-why" hidden disabled`) || !strings.Contains(page, `value="missing_information"`) {
		t.Error("article page lacks the hidden reasons form")
	}
	w := post(url.Values{"article": {"billing/refund"}, "locale": {"en"}, "helpful": {"no"}})
	body := w.Body.String()
	if w.Code != 200 || !strings.Contains(body, "Tell us what was missing") || !strings.Contains(body, `name="reason" value="broken_link"`) || !strings.Contains(body, `maxlength="1000"`) {
		t.Fatalf("no ask page: %d\n%s", w.Code, body)
	}
	// The "No" counts at once: a reader who leaves without answering is
	// one "not helpful" vote, without a reason.
	e.rec.Flush(context.Background())
	if evs, _ := e.db.RecentEvents(context.Background(), 10); len(evs) != 1 || evs[0].Helpful == nil || *evs[0].Helpful || evs[0].Reason != "" {
		t.Fatalf("the \"No\" was not recorded before the reason was asked: %+v", evs)
	}
	w = post(url.Values{"article": {"billing/refund"}, "locale": {"en"}, "helpful": {"no"}, "step": {"final"}, "reason": {"inaccurate"}, "comment": {"Fee is 2% now, call +33 6 12 34 56 78"}})
	if w.Code != 200 || !strings.Contains(w.Body.String(), "Thanks for telling us") {
		t.Fatalf("final step: %d", w.Code)
	}
	e.rec.Flush(context.Background())
	evs, _ := e.db.RecentEvents(context.Background(), 10)
	if len(evs) != 1 || evs[0].Reason != "inaccurate" || evs[0].Comment != "Fee is 2% now, call [phone]" || *evs[0].Helpful {
		t.Errorf("the reason did not complete the \"No\" as one vote: %+v", evs)
	}
	// A "Yes" later the same day replaces it.
	post(url.Values{"article": {"billing/refund"}, "locale": {"en"}, "helpful": {"yes"}})
	e.rec.Flush(context.Background())
	if evs, _ := e.db.RecentEvents(context.Background(), 10); len(evs) != 1 || evs[0].Helpful == nil || !*evs[0].Helpful {
		t.Errorf("a \"Yes\" after the \"No\": %+v", evs)
	}
	if w := post(url.Values{"article": {"billing/refund"}, "helpful": {"no"}, "step": {"final"}, "reason": {"ugly"}}); w.Code != 400 {
		t.Errorf("bad reason: %d", w.Code)
	}
	if w := post(url.Values{"article": {"billing/refund"}, "helpful": {"no"}, "step": {"final"}, "comment": {strings.Repeat("é", 1001)}}); w.Code != 400 {
		t.Errorf("long comment: %d", w.Code)
	}
}

// page GETs path and returns its body, failing the test unless the status
// is 200.
func (e *env) page(t *testing.T, path string) string {
	t.Helper()
	w := e.do(t, "GET", path, nil)
	if w.Code != 200 {
		t.Fatalf("GET %s: status %d, want 200", path, w.Code)
	}
	return w.Body.String()
}
