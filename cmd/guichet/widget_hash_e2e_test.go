package main

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestWidgetHashRoutes: an app routed in the fragment (a hash router:
// /#/team/people, /#!/team/people) has its screen there; the widget
// read every screen of it as "/" and showed "Popular articles" on all of
// them, and a route change (hashchange) did not refresh the panel. The
// route follows the page's path, after data-path-prefix is cut off; a
// plain anchor (#pricing) is no route.
func TestWidgetHashRoutes(t *testing.T) {
	ctx := browser(t)
	helpLn, hostLn, helpURL, hostURL := twoOrigins(t)
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Pantry Help\nbase_url: "+helpURL+"\nwidget:\n  allowed_origins: [\""+hostURL+"\"]\n")
	writeFile(t, dir, "team/invite.md", "---\ntitle: Invite a shopper\ncontexts: [/team/**]\n---\nOpen **Team** and choose *Invite*.\n")
	writeFile(t, dir, "orders/track.md", "---\ntitle: Track a delivery\ncontexts: [/orders/*]\n---\nOpen **Orders**.\n")
	writeFile(t, dir, "account/reset-password.md", "---\ntitle: Reset your password\nfaq: true\n---\nChoose *Forgot password*.\n")
	m := openMain(t, dir, false)
	serveOn(t, helpLn, m.Server)
	serveOn(t, hostLn, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pantry</title></head>
<body><h1>Pantry</h1><script src="%s/widget.js" data-path-prefix="%s" async></script></body></html>`, helpURL, r.URL.Query().Get("prefix"))
	}))

	const shadow = `document.querySelector('[data-guichet-widget]').shadowRoot`
	button := chromedp.JSPath(shadow + `.querySelector('button')`)
	firstTitle := func() string {
		nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.JSPath(shadow+`.querySelector('iframe')`)))
		if err != nil || len(nodes) != 1 {
			return ""
		}
		step, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		got, err := chromedp.Run(step, chromedp.Poll[string](`(document.querySelector('.w-list .w-t') || {}).textContent`,
			chromedp.WithPollingInFrame(nodes[0]), chromedp.WithPollingTimeout(time.Second)))
		if err != nil {
			return ""
		}
		return got
	}
	for _, tc := range []struct{ page, hash, want string }{
		{"/", "#/team/people", "Invite a shopper"},
		{"/", "#!/orders/42", "Track a delivery"},
		{"/app/?prefix=/app", "#/orders/42?tab=items", "Track a delivery"},
		{"/", "#pricing", "Reset your password"},
	} {
		t.Run(tc.page+tc.hash, func(t *testing.T) {
			if err := chromedp.Do(ctx, chromedp.Navigate(hostURL+tc.page+tc.hash), chromedp.WaitVisible(button), chromedp.Click(button)); err != nil {
				t.Fatal(err)
			}
			var got string
			if !waitFor(15*time.Second, func() bool { got = firstTitle(); return got != "" }) || got != tc.want {
				t.Errorf("widget on %s%s: first article %q, want %q", tc.page, tc.hash, got, tc.want)
			}
		})
	}
	// A route change in the fragment refreshes the open panel.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`location.hash = '#/orders/7'`)); err != nil {
		t.Fatal(err)
	}
	var got string
	if !waitFor(15*time.Second, func() bool { got = firstTitle(); return got == "Track a delivery" }) {
		t.Errorf("after the route changed to #/orders/7: first article %q, want Track a delivery", got)
	}
}
