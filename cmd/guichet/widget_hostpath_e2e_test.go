package main

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestWidgetOddHostPaths opens the widget on host pages whose paths the
// help center would refuse as they are: a path with a doubled leading
// slash (a browser's location.pathname keeps "//team/people"; the help
// center refused "//…" before left21a cleaned it) and a path longer than
// the 2,000 characters it takes. The panel must still load, with the
// articles for the screen, rather than "This could not be loaded".
func TestWidgetOddHostPaths(t *testing.T) {
	ctx := browser(t)
	helpLn, hostLn, helpURL, hostURL := twoOrigins(t)
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: "+helpURL+"\nwidget:\n  allowed_origins: [\""+hostURL+"\"]\n")
	writeFile(t, dir, "team/invite.md", "---\ntitle: Invite a teammate\ncontexts: [/team/**]\n---\nOpen **Team** and choose *Invite*.\n")
	writeFile(t, dir, "account/reset-password.md", "---\ntitle: Reset your password\nfaq: true\n---\nChoose *Forgot password*.\n")
	m := openMain(t, dir, false)
	serveOn(t, helpLn, m.Server)
	serveOn(t, hostLn, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme</title></head>
<body><h1>Acme</h1><script src="%s/widget.js" async></script></body></html>`, helpURL)
	}))

	const shadow = `document.querySelector('[data-guichet-widget]').shadowRoot`
	button := chromedp.JSPath(shadow + `.querySelector('button')`)
	// firstTitle is the panel's first article title, "" until it shows.
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
	for _, tc := range []struct{ name, path string }{
		{"doubled leading slash", "//team/people"},
		{"over 2,000 characters", "/team/" + strings.Repeat("a", 2100)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := chromedp.Do(ctx, chromedp.Navigate(hostURL+tc.path), chromedp.WaitVisible(button), chromedp.Click(button)); err != nil {
				t.Fatal(err)
			}
			var got string
			if !waitFor(15*time.Second, func() bool { got = firstTitle(); return got != "" }) || got != "Invite a teammate" {
				t.Errorf("widget on %.40s…: first article %q, want %q", tc.path, got, "Invite a teammate")
			}
		})
	}
}
