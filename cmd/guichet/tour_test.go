package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"html"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/guichet/guichet/site"
)

var update = flag.Bool("update", false, "rewrite the README tour's screenshots in testdata/tour")

// tourDir holds the screenshots of the README's tour.
const tourDir = "testdata/tour"

// tourShot is one screenshot of the README's tour: a page of the sample
// help center in a real browser, once what it shows has loaded.
type tourShot struct {
	name    string // testdata/tour/NAME.png
	path    string // on the help center; "" for a page of the test's own
	width   int64  // the viewport: a desktop, or a phone
	height  int64
	prepare func(t *testing.T, ctx context.Context) // after loading: type, click, sign in
	visible string                                  // what must be on screen (CSS, in the page)
}

// TestREADMETour serves the sample help center (content/) and takes the
// screenshots of the README's tour in headless Chromium: the home page with
// autocomplete, a search, a search without results, the widget on its demo
// app, the admin page, and `guichet check` on content with mistakes. Each
// page must answer 200, show what the tour says it shows, and raise no
// JavaScript error or Content-Security-Policy violation. With -update the
// screenshots are written to testdata/tour; without, every one must exist
// and the README must show it, so the tour cannot lose a picture.
func TestREADMETour(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	sample, err := filepath.Abs("../../content")
	if err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	watchExceptions(t, ctx)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	m := &Main{Config: testConfig(sample, t.TempDir()), ListenURL: base, Logger: discard()}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(context.Background()) })
	m.Publisher.Wait()
	help := &http.Server{Handler: m.Server}
	go help.Serve(ln)
	t.Cleanup(func() { help.Close() })

	// What a team sees after a few days: failed searches, clicks.
	now := time.Now()
	for i, q := range []string{"pay with bitcoin", "bitcoin", "paypal payouts", "paypal", "gift cards", "gift card balance", "zoom meeting link", "zoom link", "cancel subscription", "export to excel"} {
		results := 0
		if i >= 8 {
			results = 3
		}
		for v := 0; v <= i%3; v++ {
			m.Recorder.RecordSearch(site.SearchEvent{ID: site.NewID(), Query: q, Locale: "en", Results: results, Source: site.SourceSite,
				Visitor: fmt.Sprintf("v%d-%d", i, v), Time: now.Add(-time.Duration(i*7+v) * time.Hour)})
		}
	}
	for i, id := range []string{"billing/cancel-subscription", "account/reset-password", "billing/cancel-subscription"} {
		m.Recorder.RecordEvent(site.Event{Type: site.EventClick, ArticleID: id, Locale: "en", Source: site.SourceSite, Time: now.Add(-time.Duration(i) * time.Hour)})
	}
	if err := m.Recorder.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := m.Publisher.RefreshPopularity(context.Background()); err != nil {
		t.Fatal(err)
	}
	token, _, err := m.DB.CreateToken(context.Background(), site.ScopeAdmin, "tour")
	if err != nil {
		t.Fatal(err)
	}
	checkPage := checkOutputPage(t)
	t.Chdir(wd)

	shots := []tourShot{
		// First, before the browser's own searches reach the report.
		{name: "admin", path: "/admin/", width: 1200, height: 1000, visible: ".admin table",
			prepare: func(t *testing.T, ctx context.Context) {
				tourDo(t, ctx, "sign in",
					chromedp.SendKeys(chromedp.CSS(`input[name=token]`), token),
					chromedp.Submit(chromedp.CSS(`input[name=token]`)),
					chromedp.WaitVisible(chromedp.CSS(".admin table")))
			}},
		{name: "home", path: "/", width: 1200, height: 760, visible: ".suggestions li",
			prepare: func(t *testing.T, ctx context.Context) {
				tourDo(t, ctx, "type in the search box", chromedp.SendKeys(chromedp.CSS("#g-q"), "cancel sub"))
			}},
		{name: "search", path: "/search?q=refund+my+subscription", width: 1200, height: 760, visible: "ol.results li h2 a"},
		{name: "no-results", path: "/search?q=bitcoin+wallet", width: 1200, height: 1100, visible: ".next-steps .most-read a"},
		{name: "widget", path: "/widget/demo", width: 1200, height: 760, visible: "[data-guichet-widget]",
			prepare: func(t *testing.T, ctx context.Context) {
				const shadow = `document.querySelector('[data-guichet-widget]').shadowRoot`
				tourDo(t, ctx, "open the widget",
					chromedp.WaitVisible(chromedp.JSPath(shadow+`.querySelector('button')`)),
					chromedp.Click(chromedp.JSPath(shadow+`.querySelector('button')`)),
					chromedp.WaitVisible(chromedp.JSPath(shadow+`.querySelector('iframe')`)))
				// The panel's own list, in its frame.
				if !waitFor(20*time.Second, func() bool {
					n, err := chromedp.Run(ctx, chromedp.Evaluate[int](shadow+`.querySelector('iframe').contentDocument?.querySelectorAll('.w-list a').length || 0`))
					return err == nil && n > 0
				}) {
					t.Fatal("the widget's panel shows no articles")
				}
			}},
		{name: "check", path: "", width: 1000, height: 400, visible: "pre"},
	}
	for _, s := range shots {
		t.Run(s.name, func(t *testing.T) {
			target := base + s.path
			if s.path == "" {
				target = checkPage
			} else if code := httpStatus(t, target); code != 200 {
				t.Fatalf("%s: status %d", s.path, code)
			}
			tourDo(t, ctx, "load "+target, chromedp.EmulateViewport(s.width, s.height), chromedp.Navigate(target))
			if s.prepare != nil {
				s.prepare(t, ctx)
			}
			tourDo(t, ctx, "wait for "+s.visible, chromedp.WaitVisible(chromedp.CSS(s.visible)))
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(wd, tourDir, s.name+".png")
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, png, 0o644); err != nil {
					t.Fatal(err)
				}
			} else if _, err := os.Stat(file); err != nil {
				t.Errorf("%s is missing: go test ./cmd/guichet -run TestREADMETour -update", s.name+".png")
			}
			if ref := "cmd/guichet/" + tourDir + "/" + s.name + ".png"; !bytes.Contains(readme, []byte(ref)) {
				t.Errorf("README.md does not show %s", ref)
			}
		})
	}
	// And the README shows no screenshot the test does not take.
	for _, ref := range regexp.MustCompile(`cmd/guichet/testdata/tour/([a-z-]+)\.png`).FindAllSubmatch(readme, -1) {
		found := false
		for _, s := range shots {
			found = found || s.name == string(ref[1])
		}
		if !found {
			t.Errorf("README.md shows %s, which TestREADMETour does not take", ref[0])
		}
	}
}

// tourDo runs browser actions with a time limit.
func tourDo(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	step, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(step, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// httpStatus returns the status of GET url.
func httpStatus(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// watchExceptions fails the test, when it ends, for every uncaught
// JavaScript exception of the pages it loaded.
func watchExceptions(t *testing.T, ctx context.Context) {
	t.Helper()
	var mu sync.Mutex
	var errs []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*cdpruntime.EventExceptionThrown); ok {
			mu.Lock()
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			errs = append(errs, fmt.Sprintf("%s:%d: %s", d.URL, d.LineNumber+1, msg))
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, e := range errs {
			t.Errorf("JavaScript error: %s", e)
		}
	})
}

// checkOutputPage runs `guichet check` on a content folder with the
// mistakes writers make, and serves its output as a terminal would show
// it; it returns the page's URL.
func checkOutputPage(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "content/guichet.yaml", "title: Acme Help\n")
	writeFile(t, dir, "content/billing/_index.md", "---\ntitle: Billing\n---\n")
	writeFile(t, dir, "content/billing/refund.md", "---\ntitle: Refunds: how they work\n---\nSee [the invoices](invoices.md).\n")
	writeFile(t, dir, "content/billing/invoices.md", "---\ntitle: Download your invoices\ntags: [billing\n---\nOpen Settings.\n")
	writeFile(t, dir, "content/billing/plans.md", "---\ntitle: Plans\n---\nCompare the plans on [the pricing page](../pricing/plans.md).\n")
	t.Chdir(dir)
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"check", "--content", "content"}, &out, &errb)
	if code != 1 || !strings.Contains(out.String(), "error") {
		t.Fatalf("check on content with mistakes: exit %d\n%s%s", code, out.String(), errb.String())
	}
	page := `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>guichet check</title>
<style>body{margin:0;background:#1b1f24;color:#e6edf3;font:15px/1.5 "DejaVu Sans Mono","Liberation Mono",monospace}pre{margin:0;padding:16px 20px;white-space:pre-wrap}b{color:#7cb7ff;font-weight:normal}</style></head>
<body><pre><b>$ guichet check</b>
` + html.EscapeString(out.String()) + "<b>$ </b></pre></body></html>"
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String() + "/"
}

// TestREADMEFirstScreen: the README starts with the two commands a
// newcomer runs, its table of contents fits on the first screen (within
// its first 30 lines), and every link to one of its own sections names a
// heading it has (GitHub's anchors).
func TestREADMEFirstScreen(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	lines := strings.Split(readme, "\n")
	if len(lines) < 6 || lines[0] != "# Guichet" || lines[2] != "```sh" ||
		!strings.HasPrefix(lines[3], "go run ./cmd/guichet serve") || !strings.HasPrefix(lines[4], "go test ./...") {
		t.Errorf("README.md does not start with the two commands:\n%s", strings.Join(lines[:min(6, len(lines))], "\n"))
	}
	first := strings.Join(lines[:min(30, len(lines))], "\n")
	for _, h := range []string{"#a-tour", "#writing-content", "#search", "#the-widget", "#deploy", "#development"} {
		if !strings.Contains(first, "("+h+")") {
			t.Errorf("the first screen of README.md has no link to %s", h)
		}
	}
	anchors := map[string]bool{}
	inCode := false
	for _, l := range lines {
		if strings.HasPrefix(l, "```") {
			inCode = !inCode
		}
		if !inCode && strings.HasPrefix(l, "#") {
			anchors[githubAnchor(strings.TrimLeft(l, "# "))] = true
		}
	}
	prose := regexp.MustCompile("`[^`\n]*`").ReplaceAllString(readme, "") // links in code are examples
	for _, m := range regexp.MustCompile(`\]\(#([^)]+)\)`).FindAllStringSubmatch(prose, -1) {
		if !anchors[m[1]] {
			t.Errorf("README.md links to #%s, which no heading has", m[1])
		}
	}
}

// githubAnchor is the anchor GitHub gives a heading: lower case, spaces to
// hyphens, punctuation other than hyphens and underscores dropped.
func githubAnchor(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
