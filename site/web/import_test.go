package web_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/fs"
	"net/http"
	"path/filepath"
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

// newEnvFS serves a content folder given as files, with a real SQLite
// file, bleve index, templates and router.
func newEnvFS(t *testing.T, files map[string]string) (*env, *site.Library) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	ctx := context.Background()
	lib, err := content.Load(ctx, fsys, content.Options{})
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
	srv, err := web.New(web.Options{Theme: theme, Static: static.FS, Content: fsys, Recorder: rec, ExtraCSS: content.HighlightCSS()})
	if err != nil {
		t.Fatal(err)
	}
	view := site.NewView(lib, time.Now(), false)
	idx, err := search.Build(ctx, view, filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	if _, err := srv.Publish(view, idx); err != nil {
		t.Fatal(err)
	}
	return &env{srv: srv, db: db, rec: rec, view: view, idx: idx}, lib
}

// TestHeadingIDsNeverTakeThemeIDs: headings named like the theme's own
// elements ("Feedback", "Main", "Q") keep their place in the contents, and
// every id of the page is unique.
func TestHeadingIDsNeverTakeThemeIDs(t *testing.T) {
	e, _ := newEnvFS(t, map[string]string{
		"help/widgets.md": "---\ntitle: Using the dashboard widgets\n---\nIntro.\n\n## Article title\n\nA.\n\n## Feedback\n\nB.\n\n## Q\n\nC.\n\n" +
			"## Main\n\nD.\n\n## TOC h\n\nE.\n\n## G Main {#g-main}\n\nF.\n\n## g-q\n\nG.\n",
	})
	w := e.do(t, "GET", "/help/widgets", nil)
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	body := w.Body.String()
	seen := map[string]int{}
	for _, id := range webtest.Parse(t, body).Attrs("[id]", "id") {
		seen[id]++
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("id %q appears %d times", id, n)
		}
	}
	for _, want := range []string{`href="#article-title"`, `href="#feedback"`, `href="#q"`, `href="#main"`, `href="#toc-h"`,
		`href="#h-g-main"`, `href="#h-g-q"`, `<h2 id="feedback">Feedback</h2>`, `id="g-main"`, `id="g-q"`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestFootnotesOnPages: footnotes render at the end of the article, stay out
// of descriptions and structured data, are searched, and get ids unique
// per answer on the FAQ page.
func TestFootnotesOnPages(t *testing.T) {
	e, lib := newEnvFS(t, map[string]string{
		"billing/vat.md":  "---\ntitle: How VAT is charged\nfaq: true\n---\nPrices exclude VAT.[^1] Invoices are sent monthly.[^note]\n\n[^1]: Rates differ by country.\n[^note]: https://example.com/vat-rates\n",
		"billing/card.md": "---\ntitle: Card fees\nfaq: true\n---\nA small fee applies to each card payment.[^1]\n\n[^1]: Fees are listed on the pricing page.\n",
	})
	if len(lib.Problems) > 0 {
		t.Errorf("problems: %v", lib.Problems)
	}
	body := e.page(t, "/billing/vat")
	for _, want := range []string{`<meta name="description" content="Prices exclude VAT.">`, `href="#fn-1"`, `<li id="fn-1">`,
		`Rates differ by country.`, `class="footnotes"`} {
		if !strings.Contains(body, want) {
			t.Errorf("article lacks %s", want)
		}
	}
	if strings.Contains(body, "[^") {
		t.Errorf("raw footnote marker on the page")
	}
	faq := e.page(t, "/faq")
	if strings.Contains(faq, "[^") || strings.Contains(faq, `id="fn-1"`) {
		t.Errorf("FAQ shows raw markers or unscoped footnote ids")
	}
	for _, q := range []string{"q1", "q2"} {
		if !strings.Contains(faq, `id="`+q+`-fn-1"`) || !strings.Contains(faq, `href="#`+q+`-fn-1"`) {
			t.Errorf("FAQ lacks footnote ids scoped to %s", q)
		}
	}
	// What a footnote says is searched, without its marker.
	res := e.page(t, "/api/v1/search?q=rates+differ")
	if strings.Contains(res, "[^") || !strings.Contains(res, `"id":"billing/vat"`) {
		t.Errorf("search for a footnote's words: %s", res)
	}
}

// TestFeedsWithControlCharacters: a form feed pasted in an article is
// removed at load (with a warning), so every feed is well-formed XML.
func TestFeedsWithControlCharacters(t *testing.T) {
	e, lib := newEnvFS(t, map[string]string{
		"news/notes.md": "---\ntitle: Pasted release notes\n---\nThe new calendar view\f is faster.\x01\n",
	})
	if len(lib.Problems) != 1 || lib.Problems[0].Kind != site.KindControlChars || lib.Problems[0].Line != 4 {
		t.Errorf("problems: %v", lib.Problems)
	}
	for _, p := range []string{"/feed.rss", "/feed.atom", "/news/feed.rss"} {
		w := e.do(t, "GET", p, nil)
		dec := xml.NewDecoder(strings.NewReader(w.Body.String()))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s is not well-formed XML: %v", p, err)
				break
			}
		}
		if !strings.Contains(w.Body.String(), "calendar view is faster.") {
			t.Errorf("%s lost the text", p)
		}
	}
	var js struct {
		Items []struct {
			ContentHTML string `json:"content_html"`
		} `json:"items"`
	}
	if err := json.Unmarshal(e.do(t, "GET", "/feed.json", nil).Body.Bytes(), &js); err != nil || len(js.Items) != 1 ||
		strings.ContainsAny(js.Items[0].ContentHTML, "\f\x01") {
		t.Errorf("JSON feed: %v %+v", err, js)
	}
}

// TestRedirectsFlattened: chains answer in one hop, loops and
// self-redirects are not served, and check reports each.
func TestRedirectsFlattened(t *testing.T) {
	e, lib := newEnvFS(t, map[string]string{
		"redirects.yaml": `- from: /old-a
  to: /old-b
- from: /old-b
  to: /billing/refund
- from: /legacy-refund
  to: /billing/money-back
- from: /loop1
  to: /loop2
- from: /loop2
  to: /loop1
- from: /self
  to: /self
- from: /gone-soon
  to: /billing/does-not-exist
- from: /billing/plans
  to: /billing/refund
- from: /old-dir/
  to: /billing/plans
- from: /to-gone
  to: /removed
- from: /removed
  to: ""
- from: /caps
  to: /Billing/Refund#fees
`,
		"billing/plans.md":  "---\ntitle: Plans\n---\nOur plans.\n",
		"billing/refund.md": "---\ntitle: Get a refund\naliases: [/billing/money-back]\n---\nAsk within 30 days.\n",
	})
	tests := []struct {
		path   string
		status int
		to     string
	}{
		{"/old-a", 301, "/billing/refund"},
		{"/old-b", 301, "/billing/refund"},
		{"/legacy-refund", 301, "/billing/refund"},
		{"/loop1", 404, ""},
		{"/loop2", 404, ""},
		{"/self", 404, ""},
		{"/billing/plans", 200, ""},
		{"/old-dir/", 301, "/billing/plans"},
		{"/to-gone", 410, ""},
		{"/caps", 301, "/billing/refund#fees"},
		// The visitor's query goes before the target's fragment.
		{"/caps?x=1", 301, "/billing/refund?x=1#fees"},
	}
	for _, tt := range tests {
		w := e.do(t, "GET", tt.path, nil)
		if w.Code != tt.status || w.Header().Get("Location") != tt.to {
			t.Errorf("%s: %d → %q, want %d → %q", tt.path, w.Code, w.Header().Get("Location"), tt.status, tt.to)
		}
	}
	want := []string{
		"redirects.yaml:1: warning: redirect chain /old-a → /old-b → /billing/refund: served as one hop to /billing/refund",
		"redirects.yaml:5: warning: redirect chain /legacy-refund → /billing/money-back → /billing/refund",
		"redirects.yaml:7: error: redirect loop /loop1 → /loop2 → /loop1",
		"redirects.yaml:9: error: redirect loop /loop2 → /loop1 → /loop2",
		"redirects.yaml:11: error: /self redirects to itself",
		"redirects.yaml:13: error: /gone-soon redirects to /billing/does-not-exist, which is no page of the site",
		"redirects.yaml:15: warning: /billing/plans is the article billing/plans.md, so this redirect is never used",
		"redirects.yaml:19: warning: redirect chain /to-gone → /removed: served as one hop to gone (410)",
	}
	var got []string
	for _, p := range lib.Problems {
		got = append(got, p.String())
	}
	all := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("problems lack %q:\n%s", w, all)
		}
	}
}

// TestURLVariants: a path that differs from a page's (or an alias's) only
// by letter case, a trailing .md or .html, /index, a /docs/ prefix, or
// needless percent-encoding answers 301 to the page, keeping the query; so
// does a Docusaurus slug's URL.
func TestURLVariants(t *testing.T) {
	e, _ := newEnvFS(t, map[string]string{
		"billing/refund.md":      "---\ntitle: Get a refund\naliases: [/billing/money-back, /help/Refund.html, /hc/en-us/articles/360012345-Get-a-refund, /moved/twice]\n---\nAsk within 30 days.\n",
		"billing/réglages.md":    "---\ntitle: Réglages\n---\nTexte.\n",
		"Clip Art/Insert art.md": "---\ntitle: Insert art\n---\nText.\n",
		"billing/vat.md":         "---\ntitle: VAT\naliases: [\"https://old.example/billing/taxe-é\", \"/billing/steuer%C3%A9\", /aide/réduction]\n---\nText.\n",
		"guides/setup.md":        "---\ntitle: Set up\nslug: /install\naliases: [/docs/old/Setup.html]\n---\nText.\n",
		"redirects.yaml":         "- from: /docs/legacy/keypad.html\n  to: \"\"\n- from: /docs/legacy/pins.html\n  to: /billing/vat\n- from: /moved/twice\n  to: /billing/vat\n",
	})
	tests := []struct {
		path string
		code int
		to   string
	}{
		// An alias or redirect written as the old site served it, with
		// its extension or under /docs/: the page's other forms lead
		// there too, as for a page.
		{"/help/refund", 301, "/billing/refund"},
		{"/help/Refund/", 301, "/billing/refund"},
		{"/help/refund.md", 301, "/billing/refund"},
		{"/docs/old/setup", 301, "/guides/install"},
		{"/old/setup", 301, "/guides/install"},
		{"/docs/legacy/keypad", 410, ""},
		{"/legacy/keypad.html", 410, ""},
		{"/legacy/pins", 301, "/billing/vat"},
		// An old URL that is an article's alias and a redirects.yaml
		// entry: the alias stands, as for ticket links (check warns).
		{"/moved/twice", 301, "/billing/refund"},
		// A Zendesk Guide address by its number, whatever title follows.
		{"/hc/en-us/articles/360012345-Get-a-refund", 301, "/billing/refund"},
		{"/hc/en-us/articles/360012345", 301, "/billing/refund"},
		{"/hc/en-us/articles/360012345-Refunds-old-title?utm=x", 301, "/billing/refund?utm=x"},
		{"/hc/en-us/articles/360012346", 404, ""},
		{"/billing/Refund", 301, "/billing/refund"},
		{"/BILLING/REFUND?x=1", 301, "/billing/refund?x=1"},
		{"/billing/refund.md", 301, "/billing/refund"},
		{"/billing/refund.html", 301, "/billing/refund"},
		{"/billing/index", 301, "/billing/"},
		{"/billing/index.md", 301, "/billing/"},
		{"/billing/_index.md", 301, "/billing/"},
		{"/Billing", 301, "/billing/"},
		{"/index.html", 301, "/"},
		{"/billing/%72efund", 301, "/billing/refund"},
		{"/billing/r%C3%A9glages", 200, ""},
		{"/billing/R%C3%A9glages", 301, "/billing/r%C3%A9glages"},
		{"/billing/Money-Back", 301, "/billing/refund"},
		// An alias with an extension, in another case.
		{"/help/Refund.html", 301, "/billing/refund"},
		{"/help/refund.html", 301, "/billing/refund"},
		{"/HELP/REFUND.HTML", 301, "/billing/refund"},
		{"/clip-art/insert-art", 200, ""},
		{"/Clip-Art/Insert-Art", 301, "/clip-art/insert-art"},
		{"/billing/refund", 200, ""},
		{"/billing/nothing", 404, ""},
		{"/billing/nothing.md", 404, ""},
		// Aliases with letters beyond ASCII, as written or percent-encoded,
		// in a full URL or a path: the request's path is decoded.
		{"/billing/taxe-%C3%A9", 301, "/billing/vat"},
		{"/billing/steuer%C3%A9", 301, "/billing/vat"},
		{"/aide/r%C3%A9duction", 301, "/billing/vat"},
		// Where Docusaurus served the docs: under /docs/, and at a
		// slug's URL.
		{"/docs/billing/refund", 301, "/billing/refund"},
		{"/docs/billing/money-back", 301, "/billing/refund"},
		{"/docs/Billing/refund.md", 301, "/billing/refund"},
		{"/docs/", 301, "/"},
		{"/docs", 301, "/"},
		{"/install", 301, "/guides/install"},
		{"/docs/install", 301, "/guides/install"},
		{"/docs/billing/nothing", 404, ""},
	}
	for _, tt := range tests {
		w := e.do(t, http.MethodGet, tt.path, nil)
		if w.Code != tt.code || w.Header().Get("Location") != tt.to {
			t.Errorf("%s: %d → %q, want %d → %q", tt.path, w.Code, w.Header().Get("Location"), tt.code, tt.to)
		}
	}
}

// TestDocusaurusLocaleURLs: Docusaurus serves a locale's docs under its
// prefix, /fr/docs/…: those URLs answer 301 to the page, as /docs/… does
// (/fr/docs/ was a 404, /fr/docs/billing/refund a 302).
func TestDocusaurusLocaleURLs(t *testing.T) {
	e, _ := newEnvFS(t, map[string]string{
		"guichet.yaml":            "locales: [en, fr, pt-BR]\n",
		"billing/refund.md":       "---\ntitle: Get a refund\n---\nAsk within 30 days.\n",
		"billing/refund.fr.md":    "---\ntitle: Obtenir un remboursement\n---\nSous 30 jours.\n",
		"billing/refund.pt-BR.md": "---\ntitle: Reembolso\n---\nEm 30 dias.\n",
	})
	for _, tt := range []struct {
		path string
		code int
		to   string
	}{
		{"/fr/docs/billing/refund", 301, "/fr/billing/refund"},
		{"/fr/docs/Billing/refund.md?x=1", 301, "/fr/billing/refund?x=1"},
		{"/fr/docs/", 301, "/fr/"},
		{"/fr/docs", 301, "/fr/"},
		{"/pt_br/docs/billing/refund", 301, "/pt-BR/billing/refund"},
		{"/en/docs/billing/refund", 301, "/billing/refund"},
		{"/fr/docs/billing/nothing", 404, ""},
		{"/de/docs/billing/refund", 404, ""},
	} {
		w := e.do(t, http.MethodGet, tt.path, nil)
		if w.Code != tt.code || w.Header().Get("Location") != tt.to {
			t.Errorf("%s: %d → %q, want %d → %q", tt.path, w.Code, w.Header().Get("Location"), tt.code, tt.to)
		}
	}
}

// TestIncludedPicturesServed: a picture shown by an included file is
// published with the article that includes it, like its own.
func TestIncludedPicturesServed(t *testing.T) {
	e, lib := newEnvFS(t, map[string]string{
		"help/a.md":                  "---\ntitle: A\n---\n[!INCLUDE [note](../includes/note.md)]\n",
		"includes/note.md":           "![Diagram](media/diagram.png)\n",
		"includes/media/diagram.png": "\x89PNG\r\n\x1a\n",
	})
	for _, p := range lib.Problems {
		t.Errorf("problem: %s", p)
	}
	body := e.page(t, "/help/a")
	if !strings.Contains(body, `src="/_content/includes/media/diagram.png"`) {
		t.Fatalf("included picture missing:\n%s", body)
	}
	if w := e.do(t, "GET", "/_content/includes/media/diagram.png", nil); w.Code != 200 {
		t.Errorf("included picture answers %d", w.Code)
	}
}

// TestEmojiOnPagesAndInSearch: an emoji shortcode is shown as the emoji
// on the page, in its description and in search snippets, and search
// indexes what the reader sees: `:rocket:` does not make the article an
// answer to "rocket", which only the article that says it answers.
func TestEmojiOnPagesAndInSearch(t *testing.T) {
	e, lib := newEnvFS(t, map[string]string{
		"start/launch.md": "---\ntitle: Launch your workspace\n---\nYour workspace is live :rocket: once billing is set up.\n\n## :tada: Invite your team\n\nSend invitations.\n\n## Next steps\n\nRead on.\n",
		"start/rocket.md": "---\ntitle: The rocket plan\n---\nThe rocket plan includes priority support.\n",
	})
	if len(lib.Problems) > 0 {
		t.Errorf("problems: %v", lib.Problems)
	}
	body := e.page(t, "/start/launch")
	for _, want := range []string{`<meta name="description" content="Your workspace is live 🚀 once billing is set up.">`,
		`<h2 id="tada-invite-your-team">🎉 Invite your team</h2>`, `href="#tada-invite-your-team"`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(body, ":rocket:") || strings.Contains(body, ":tada:") {
		t.Errorf("page shows a shortcode as typed")
	}
	var res struct {
		Results []struct{ ID, Snippet string } `json:"results"`
	}
	for q, want := range map[string]string{"rocket": "start/rocket", "tada": "", "workspace live": "start/launch"} {
		if err := json.Unmarshal([]byte(e.page(t, "/api/v1/search?q="+strings.ReplaceAll(q, " ", "+"))), &res); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range res.Results {
			got = append(got, r.ID)
			if strings.Contains(r.Snippet, ":rocket:") {
				t.Errorf("%q: snippet shows the shortcode: %s", q, r.Snippet)
			}
		}
		if want == "" && len(got) > 0 || want != "" && (len(got) != 1 || got[0] != want) {
			t.Errorf("search %q found %v, want only %q", q, got, want)
		}
	}
}

// TestLinksRootOnPage: with links.root in guichet.yaml, a Microsoft Docs
// link into another doc set (/powershell/…) is an absolute link to that
// site on the article's page and in the article the widget shows, while a
// Docusaurus link to the docs' home (/docs/) and to a doc's slug URL
// (/docs/install) lead to this help center's pages.
func TestLinksRootOnPage(t *testing.T) {
	e, lib := newEnvFS(t, map[string]string{
		"guichet.yaml": "links:\n  root: https://learn.microsoft.com/en-us/\n",
		"intro.md":     "---\nslug: /\ntitle: Welcome\n---\nHi.\n",
		"mail/get-mailbox.md": "---\ntitle: Find a mailbox\n---\nRun [Get-Mailbox](/powershell/module/exchange/get-mailbox?view=exchange-ps#example-1), " +
			"see [the docs](/docs/) and [install](/docs/install).\n",
		"mail/setup.md": "---\ntitle: Install\nslug: /install\n---\nText.\n",
	})
	for _, p := range lib.Problems {
		if p.Severity == site.SeverityError {
			t.Errorf("problem: %v", p)
		}
	}
	body := e.page(t, "/mail/get-mailbox")
	doc := webtest.Parse(t, body)
	hrefs := strings.Join(doc.Attrs("article a[href]", "href"), " ")
	for _, want := range []string{"https://learn.microsoft.com/en-us/powershell/module/exchange/get-mailbox?view=exchange-ps#example-1", "/ ", "/mail/install"} {
		if !strings.Contains(hrefs+" ", want) {
			t.Errorf("article links %s, want %s", hrefs, want)
		}
	}
	api := e.page(t, "/api/v1/articles/mail/get-mailbox")
	if !strings.Contains(api, `https://learn.microsoft.com/en-us/powershell/module/exchange/get-mailbox?view=exchange-ps#example-1`) {
		t.Errorf("the widget's article lacks the absolute link: %s", api)
	}
}
