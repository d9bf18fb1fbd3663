package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestWidgetOnIsolatedPage: an app whose pages are isolated
// (Cross-Origin-Embedder-Policy: require-corp, alone or with
// Cross-Origin-Opener-Policy: same-origin, as apps using
// SharedArrayBuffer need) loaded the widget's script, but the browser
// refused to frame the panel (a page with no embedder policy of its own):
// "This could not be loaded…" on every opening. The panel's page says it
// may be embedded (Cross-Origin-Resource-Policy: cross-origin) and is
// isolated itself (Cross-Origin-Embedder-Policy: credentialless), so it
// opens there, searches and shows an article, with its image served from
// another origin without a Cross-Origin-Resource-Policy of its own
// (base_url's host is not the one the app loads the widget from), which
// require-corp on the panel would have blocked.
func TestWidgetOnIsolatedPage(t *testing.T) {
	ctx := browser(t)
	helpLn, hostLn, helpURL, hostURL := twoOrigins(t)
	dir := t.TempDir()
	// Images under base_url, http://localhost:PORT, another origin than
	// the panel's http://127.0.0.1:PORT.
	imageOrigin := fmt.Sprintf("http://localhost:%d", helpLn.Addr().(*net.TCPAddr).Port)
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: "+imageOrigin+"\nwidget:\n  allowed_origins: [\""+hostURL+"\"]\n")
	writeFile(t, dir, "team/invite.md", "---\ntitle: Invite a teammate\ndescription: Add people to your workspace.\ncontexts: [/team/*]\n---\nOpen **Team** and choose *Invite*.\n\n![The Team page](team.png)\n")
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "team/team.png", img.String())
	m := openMain(t, dir, false)
	serveOn(t, helpLn, m.Server)
	serveOn(t, hostLn, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cross-Origin-Embedder-Policy", "require-corp")
		if r.URL.Query().Get("coop") != "" {
			w.Header().Set("Cross-Origin-Opener-Policy", "same-origin")
		}
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme</title></head>
<body><h1>Acme</h1><script src="%s/widget.js" crossorigin="anonymous" async></script></body></html>`, helpURL)
	}))
	const shadow = `document.querySelector('[data-guichet-widget]').shadowRoot`
	button := chromedp.JSPath(shadow + `.querySelector('button')`)
	for _, page := range []string{"/team/people", "/team/people?coop=1"} {
		t.Run(page, func(t *testing.T) {
			step, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			if err := chromedp.Do(step, chromedp.Navigate(hostURL+page), chromedp.WaitVisible(button), chromedp.Click(button)); err != nil {
				t.Fatalf("open the widget: %v", err)
			}
			isolated, _ := chromedp.Run(step, chromedp.Evaluate[bool](`window.crossOriginIsolated`))
			ok := waitFor(20*time.Second, func() bool {
				v, err := chromedp.Run(step, chromedp.Evaluate[bool](shadow+`.querySelector('button').classList.contains('r')`))
				return err == nil && v
			})
			if !ok {
				note, _ := chromedp.Run(step, chromedp.Evaluate[string](shadow+`.querySelector('.n').hidden ? '' : `+shadow+`.querySelector('.n').textContent`))
				t.Fatalf("the panel did not open on a require-corp page (crossOriginIsolated %v); it says %q", isolated, note)
			}
			nodes, err := chromedp.Run(step, chromedp.Nodes(chromedp.JSPath(shadow+`.querySelector('iframe')`)))
			if err != nil || len(nodes) != 1 {
				t.Fatalf("find the widget's iframe: %v", err)
			}
			if err := chromedp.Do(step, chromedp.Evaluate[chromedp.Void](`Guichet.openArticle('team/invite')`)); err != nil {
				t.Fatal(err)
			}
			got, err := chromedp.Run(step, chromedp.Poll[string](`(document.querySelector('.w-article .prose') || {}).textContent`,
				chromedp.WithPollingInFrame(nodes[0]), chromedp.WithPollingTimeout(10*time.Second)))
			if err != nil {
				t.Fatalf("read the article in the panel: %v", err)
			}
			if want := "Open Team and choose Invite."; len(got) < len(want) || got[:len(want)] != want {
				t.Errorf("article in the panel: %q", got)
			}
			shown, err := chromedp.Run(step, chromedp.Poll[string](`(() => { const i = document.querySelector('.w-article .prose img');
				return i && i.complete ? i.src + ' ' + i.naturalWidth : ''; })()`, chromedp.WithPollingInFrame(nodes[0]), chromedp.WithPollingTimeout(10*time.Second)))
			if err != nil || !strings.HasPrefix(shown, imageOrigin+"/") || !strings.HasSuffix(shown, " 4") {
				t.Errorf("the article's image from %s in the panel: %q %v (want it shown, 4 px wide)", imageOrigin, shown, err)
			}
		})
	}
}
