package main

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestWidgetLocaleSpellings opens the widget on host pages that name the
// reader's language as pages and apps write it: "pt-BR" in <html lang>
// (which the loader read lower-cased, "pt-br", and so missed), "pt_BR" as
// Android writes it, and "pt-PT" on a site whose only Portuguese is
// Brazilian. Each must get the Portuguese panel and button, as the APIs'
// locale and Accept-Language do, not the default locale's.
func TestWidgetLocaleSpellings(t *testing.T) {
	ctx := browser(t)
	helpLn, hostLn, helpURL, hostURL := twoOrigins(t)
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Occhio\nbase_url: "+helpURL+"\ndefault_locale: it\nlocales: [it, pt-BR]\nwidget:\n  allowed_origins: [\""+hostURL+"\"]\n")
	writeFile(t, dir, "setup/wifi.md", "---\ntitle: Collegare la videocamera al Wi-Fi\ncontexts: [/settings/wifi]\n---\nSolo reti a 2,4 GHz.\n")
	writeFile(t, dir, "setup/wifi.pt-BR.md", "---\ntitle: Conectar a câmera ao Wi-Fi\n---\nApenas redes de 2,4 GHz.\n")
	m := openMain(t, dir, false)
	serveOn(t, helpLn, m.Server)
	serveOn(t, hostLn, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="%s"><head><meta charset="utf-8"><title>App</title></head>
<body><h1>App</h1><script src="%s/widget.js" data-locale="%s" async></script></body></html>`,
			r.URL.Query().Get("lang"), helpURL, r.URL.Query().Get("data"))
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
	for _, tc := range []struct{ name, query, title, label string }{
		{"html lang pt-BR", "lang=pt-BR", "Conectar a câmera ao Wi-Fi", "Ajuda"},
		{"data-locale pt_BR", "lang=en&data=pt_BR", "Conectar a câmera ao Wi-Fi", "Ajuda"},
		{"html lang pt-PT", "lang=pt-PT", "Conectar a câmera ao Wi-Fi", "Ajuda"},
		{"html lang it-CH", "lang=it-CH", "Collegare la videocamera al Wi-Fi", "Aiuto"},
		// Spaces around a code, as a template writes lang="{{ .Locale }} ", and a
		// data-locale left blank by one: the language still counts.
		{"html lang with spaces", "lang=%20pt-BR%20", "Conectar a câmera ao Wi-Fi", "Ajuda"},
		{"data-locale with spaces", "lang=it&data=%20pt_BR%0A", "Conectar a câmera ao Wi-Fi", "Ajuda"},
		{"data-locale blank", "lang=pt-BR&data=%20", "Conectar a câmera ao Wi-Fi", "Ajuda"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := chromedp.Do(ctx, chromedp.Navigate(hostURL+"/settings/wifi?"+tc.query), chromedp.WaitVisible(button)); err != nil {
				t.Fatal(err)
			}
			label, err := chromedp.Run(ctx, chromedp.Evaluate[string](shadow+`.querySelector('button').textContent.trim()`))
			if err != nil {
				t.Fatal(err)
			}
			if label != tc.label {
				t.Errorf("button %q, want %q", label, tc.label)
			}
			if err := chromedp.Do(ctx, chromedp.Click(button)); err != nil {
				t.Fatal(err)
			}
			var got string
			if !waitFor(15*time.Second, func() bool { got = firstTitle(); return got != "" }) || got != tc.title {
				src, _ := chromedp.Run(ctx, chromedp.Evaluate[string](shadow+`.querySelector('iframe').src`))
				t.Errorf("first article %q, want %q (panel %s)", got, tc.title, src)
			}
		})
	}
}
