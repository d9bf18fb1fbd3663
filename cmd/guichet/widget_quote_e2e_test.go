package main

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestWidgetQuotesQueryInPageLanguage: in the widget panel of a locale the
// theme does not translate, the headings that quote the reader's words
// ("Suchergebnisse für „…“", lang="de") mark those words with the
// panel's language, as the site's search page does (quoting), and so does
// the intro of "Tell me when this is answered": a Japanese query was read
// with German rules.
func TestWidgetQuotesQueryInPageLanguage(t *testing.T) {
	ctx := browser(t)
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "default_locale: de\nlocales: [de, ja]\ncontact:\n  to: hilfe@example.com\n")
	writeFile(t, dir, "pflege/entkalken.md", "---\ntitle: Entkalken\n---\nEntkalken Sie die Maschine.\n")
	writeFile(t, dir, "pflege/entkalken.ja.md", "---\ntitle: 除石灰の方法\n---\n除石灰剤を入れます。\n")
	sink := startSink(t, "127.0.0.1:0") // subscriptions on: "Tell me when this is answered" quotes the words too
	m := openContactMain(t, dir, t.TempDir(), sink.addr, &clock{t: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)})
	srv := httptest.NewServer(m.Server)
	t.Cleanup(srv.Close)

	step, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	frame := srv.URL + "/widget/frame?locale=ja&path=%2Fx&origin=" + url.QueryEscape(srv.URL)
	for _, c := range []struct{ q, want string }{
		{"除石灰", `<span lang="ja">除石灰</span>`},
		{"牛乳", `<span lang="ja">牛乳</span>`},
		{"除石灰 ビットコイン ハムスター", `<span lang="ja">除石灰 ビットコイン ハムスター</span>`},
	} {
		if err := chromedp.Do(step,
			chromedp.Navigate(frame),
			chromedp.WaitVisible(chromedp.CSS("#g-wq")),
			chromedp.SendKeys(chromedp.CSS("#g-wq"), c.q+kb.Enter),
		); err != nil {
			t.Fatalf("search %s in the panel: %v", c.q, err)
		}
		got, err := chromedp.Run(step, chromedp.Poll[string](`(() => { const v = document.querySelector('.w-view[data-view=results]'); return v && v.querySelector('h2').outerHTML + (v.querySelector('.w-intro') ? v.querySelector('.w-intro').outerHTML : '') + (v.querySelector('.subscribe-form p') ? v.querySelector('.subscribe-form p').outerHTML : ''); })()`))
		if err != nil {
			t.Fatalf("%s: no results view: %v", c.q, err)
		}
		if !strings.Contains(got, c.want) || !strings.Contains(got, `lang="de"`) {
			t.Errorf("%s: %s, want the German heading with %s", c.q, got, c.want)
		}
		if c.q != "除石灰" && !strings.Contains(got, "Hinterlassen") {
			t.Errorf("%s: %s, want the subscribe form under no or weak results", c.q, got)
		}
		if want := 1 + strings.Count(got, "w-intro") + strings.Count(got, "<p lang=\"de\">Hinterlassen"); strings.Count(got, `<span lang="ja">`) != want {
			t.Errorf("%s: %s, want the intro's and the subscribe form's quote marked too", c.q, got)
		}
	}
}
