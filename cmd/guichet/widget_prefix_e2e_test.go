package main

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestWidgetPathPrefixAtSegments: data-path-prefix is cut off the page's
// path only where a segment ends. With data-path-prefix="/app", the admin
// console at /app-admin/team/people was matched as "/-admin/team/people"
// (no article: "Popular articles" instead of the console's help), and with
// "/app/" (written with its slash) the app's own start page /app kept its
// prefix and matched no "/" article. A prefix of other letters than
// ASCII's ("/commandes/été") was compared with the path as the browser
// escapes it ("/commandes/%C3%A9t%C3%A9"), so it was never cut off: the
// two are compared as read, escapes decoded, composed (NFC).
func TestWidgetPathPrefixAtSegments(t *testing.T) {
	ctx := browser(t)
	helpLn, hostLn, helpURL, hostURL := twoOrigins(t)
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: "+helpURL+"\nwidget:\n  allowed_origins: [\""+hostURL+"\"]\n")
	writeFile(t, dir, "team/invite.md", "---\ntitle: Invite a teammate\ncontexts: [/team/**]\n---\nOpen **Team** and choose *Invite*.\n")
	writeFile(t, dir, "admin/roles.md", "---\ntitle: Give a teammate admin rights\ncontexts: [/app-admin/team/**]\n---\nIn the console, open **Team**.\n")
	writeFile(t, dir, "start/welcome.md", "---\ntitle: Welcome to Acme\ncontexts: [/]\n---\nStart here.\n")
	writeFile(t, dir, "account/reset-password.md", "---\ntitle: Reset your password\nfaq: true\n---\nChoose *Forgot password*.\n")
	m := openMain(t, dir, false)
	serveOn(t, helpLn, m.Server)
	serveOn(t, hostLn, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme</title></head>
<body><h1>Acme</h1><script src="%s/widget.js" data-path-prefix="%s" async></script></body></html>`, helpURL, html.EscapeString(r.URL.Query().Get("prefix")))
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
	for _, tc := range []struct{ page, prefix, want string }{
		{"/app/team/people", "/app", "Invite a teammate"},
		{"/app/team/people", "/app/", "Invite a teammate"},
		{"/app-admin/team/people", "/app", "Give a teammate admin rights"},
		{"/app", "/app/", "Welcome to Acme"},
		{"/app/", "/app", "Welcome to Acme"},
		// A prefix written as people read it, while the browser gives the
		// path escaped (/commandes/%C3%A9t%C3%A9/…): it was never cut off.
		{"/commandes/%C3%A9t%C3%A9/team/people", "/commandes/été", "Invite a teammate"},
		{"/commandes/%C3%A9t%C3%A9/team/people", "/commandes/e\u0301te\u0301", "Invite a teammate"}, // the accent typed apart (NFD)
		{"/commandes/e%CC%81te%CC%81/team/people", "/commandes/été", "Invite a teammate"},
		{"/commandes/%C3%A9t%C3%A9/team/people", "/commandes/%C3%A9t%C3%A9", "Invite a teammate"},
		{"/commandes/%C3%A9t%C3%A9-2/team/people", "/commandes/été", "Reset your password"}, // only where a segment ends
	} {
		t.Run(tc.page+" with "+tc.prefix, func(t *testing.T) {
			if err := chromedp.Do(ctx, chromedp.Navigate(hostURL+tc.page+"?prefix="+url.QueryEscape(tc.prefix)), chromedp.WaitVisible(button), chromedp.Click(button)); err != nil {
				t.Fatal(err)
			}
			var got string
			if !waitFor(15*time.Second, func() bool { got = firstTitle(); return got != "" }) || got != tc.want {
				t.Errorf("widget on %s with data-path-prefix=%q: first article %q, want %q", tc.page, tc.prefix, got, tc.want)
			}
		})
	}
}
