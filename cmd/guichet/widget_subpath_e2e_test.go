package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestWidgetUnderSubPath: a help center served under a path of another
// site (https://example.com/help/, behind a proxy that hands Guichet the
// requests without /help) with that public URL as base_url. The loader
// opened its panel at the root (/widget/frame: the other site's 404, the
// panel "could not be loaded"), and the panel asked the API, its scripts
// and style sheet at the root, and linked articles there. Every request
// now stays under the public URL's path, the panel works, and the full
// article is linked under it.
func TestWidgetUnderSubPath(t *testing.T) {
	ctx := browser(t)
	helpLn, hostLn, helpURL, hostURL := twoOrigins(t)
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: "+helpURL+"/help/\ncontact:\n  webhook: http://127.0.0.1:9/guichet\nwidget:\n  allowed_origins: [\""+hostURL+"\"]\n")
	writeFile(t, dir, "team/invite.md", "---\ntitle: Invite a teammate\ndescription: Add people to your workspace.\ncontexts: [/team/*]\n---\nOpen **Team** and choose *Invite*.\n")
	writeFile(t, dir, "account/reset-password.md", "---\ntitle: Reset your password\nfaq: true\n---\nChoose *Forgot password* on the sign-in page.\n")
	// With the contact form: the panel's contact step posts to the API too.
	m := &Main{Config: testConfig(dir, t.TempDir(), func(c *Config) { c.WebhookSecret = hookSecret }), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if err := m.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close(context.Background()) })
	m.Publisher.Wait()
	outside := serveUnder(t, helpLn, "/help", m.Server)
	serveOn(t, hostLn, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme</title></head>
<body><h1>Acme</h1><script src="%s/help/widget.js" async></script></body></html>`, helpURL)
	}))

	const shadow = `document.querySelector('[data-guichet-widget]').shadowRoot`
	button := chromedp.JSPath(shadow + `.querySelector('button')`)
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		step, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(step, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	do("open the widget", chromedp.Navigate(hostURL+"/team/people"), chromedp.WaitVisible(button), chromedp.Click(button))
	// The panel's script says it is ready only once it has loaded.
	ready := waitFor(15*time.Second, func() bool {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](shadow+`.querySelector('button').classList.contains('r')`))
		return err == nil && v
	})
	if !ready {
		t.Fatalf("the panel did not load; asked outside /help/: %q", outside())
	}
	nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.JSPath(shadow+`.querySelector('iframe')`)))
	if err != nil || len(nodes) != 1 {
		t.Fatalf("find the widget's iframe: %v", err)
	}
	frame := nodes[0]
	inFrame := chromedp.FromNode(frame)
	inFrameJS := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Poll[string](js, chromedp.WithPollingInFrame(frame), chromedp.WithPollingTimeout(10*time.Second)))
		if err != nil {
			t.Fatalf("in the widget, %s: %v", js, err)
		}
		return v
	}
	if got := inFrameJS(`(document.querySelector('.w-list .w-t') || {}).textContent`); got != "Invite a teammate" {
		t.Errorf("panel's article for /team/people: %q", got)
	}
	// Its style sheet: the header is laid out as a row.
	if got := inFrameJS(`getComputedStyle(document.querySelector('.w-head')).display`); got != "flex" {
		t.Errorf("panel header display %q: the style sheet did not load", got)
	}
	do("search in the panel", chromedp.SendKeys(chromedp.CSS("#g-wq"), "invite", inFrame), chromedp.SendKeys(chromedp.CSS("#g-wq"), kb.Enter, inFrame))
	if got := inFrameJS(`document.querySelector('[data-view=results] .w-t') && document.querySelector('[data-view=results] .w-t').textContent`); got != "Invite a teammate" {
		t.Errorf("search result: %q", got)
	}
	if got := inFrameJS(`document.querySelector('[data-view=results] a').href`); got != helpURL+"/help/team/invite" {
		t.Errorf("search result links to %q, want %q", got, helpURL+"/help/team/invite")
	}
	do("open the result", chromedp.Click(chromedp.CSS("[data-view=results] a"), inFrame))
	if got := inFrameJS(`document.querySelector('.w-full a') && document.querySelector('.w-full a').href`); got != helpURL+"/help/team/invite" {
		t.Errorf("full article link %q, want %q", got, helpURL+"/help/team/invite")
	}
	if got := inFrameJS(`document.querySelector('.w-foot a:last-child').href`); got != helpURL+"/help/" {
		t.Errorf("help center link %q, want %q", got, helpURL+"/help/")
	}
	// The contact step: its suggestions link under the path, and the
	// request is sent there.
	do("open the contact step", chromedp.Click(chromedp.CSS(".w-foot a[data-contact]"), inFrame))
	do("type a subject", chromedp.SendKeys(chromedp.CSS("#g-wc-subject"), "invite a teammate", inFrame),
		chromedp.WaitVisible(chromedp.CSS(`.contact-suggestions a[data-article="team/invite"]`), inFrame))
	if got := inFrameJS(`document.querySelector('.contact-suggestions a[data-article="team/invite"]').href`); got != helpURL+"/help/team/invite" {
		t.Errorf("contact suggestion links to %q, want %q", got, helpURL+"/help/team/invite")
	}
	do("send the request",
		chromedp.SendKeys(chromedp.CSS("#g-wc-description"), "Invitations never arrive.", inFrame),
		chromedp.SendKeys(chromedp.CSS("#g-wc-email"), "cy@example.com", inFrame),
		chromedp.Click(chromedp.CSS("form.w-contact button[type=submit]"), inFrame))
	if got := inFrameJS(`(document.querySelector('form.w-contact .contact-status:not([hidden])') || {}).textContent`); !strings.HasPrefix(got, "Thank you.") {
		t.Errorf("after sending from the panel: %q", got)
	}
	if got := outside(); len(got) > 0 {
		t.Errorf("the widget asked the other site, outside /help/: %q", got)
	}
}

// serveUnder serves h on ln under prefix, as a proxy does that hands the
// help center the requests under it without it (Caddy's handle_path),
// and answers 404 for the rest of that site; outside returns the paths
// asked there.
func serveUnder(t *testing.T, ln net.Listener, prefix string, h http.Handler) (outside func() []string) {
	var mu sync.Mutex
	var asked []string
	proxy := http.StripPrefix(prefix, h)
	serveOn(t, ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, prefix+"/") {
			mu.Lock()
			asked = append(asked, r.URL.Path)
			mu.Unlock()
			http.NotFound(w, r)
			return
		}
		proxy.ServeHTTP(w, r)
	}))
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), asked...)
	}
}
