package main

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestFormFieldBordersInBrowser: every text field a customer types in shows
// its edge at 3:1 against the page at least (WCAG 1.4.11), in light and
// dark mode: the search box, the contact form and the comment of "What went
// wrong?".
func TestFormFieldBordersInBrowser(t *testing.T) {
	ctx := browser(t)
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "contact:\n  webhook: https://desk.example.com/hook\n")
	writeFile(t, dir, "help/a.md", "---\ntitle: An article\n---\nText.\n")
	t.Setenv("GUICHET_WEBHOOK_SECRET", "0123456789abcdef0123456789abcdef")
	m := openMain(t, dir, false)
	srv := httptest.NewServer(m.Server)
	t.Cleanup(srv.Close)
	const ratio = `(() => {
		const rgb = c => { const m = c.match(/[\d.]+/g).map(Number); return c.startsWith('color(') ? m.map(v => v * 255) : m; };
		const lum = c => { const a = rgb(c).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2]; };
		const bg = el => { for (; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor, m = rgb(c); if (m.length < 4 || m[3] > 0.5) return c; } return 'rgb(255,255,255)'; };
		let worst = 99, which = '';
		for (const f of document.querySelectorAll('main input[type=search], main input[type=text], main input[type=email], main textarea, header input[type=search]')) {
			const a = lum(getComputedStyle(f).borderTopColor), b = lum(bg(f.parentElement));
			const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
			if (r < worst) { worst = r; which = (f.id || f.name) + ' ' + getComputedStyle(f).borderTopColor; }
		}
		return [worst, which];
	})()`
	for _, scheme := range []string{"light", "dark"} {
		for _, path := range []string{"/help/a", "/contact?subject=refund"} {
			step, cancel := context.WithTimeout(ctx, 30*time.Second)
			if _, err := chromedp.Call(step, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(step, chromedp.Navigate(srv.URL+path)); err != nil {
				t.Fatalf("load %s: %v", path, err)
			}
			got, err := chromedp.Run(step, chromedp.Evaluate[[]any](ratio))
			cancel()
			if err != nil {
				t.Fatalf("measure %s: %v", path, err)
			}
			if r, _ := got[0].(float64); r < 3 {
				t.Errorf("%s (%s): the field %v has a border of %.2f:1 against the page, under 3:1", path, scheme, got[1], r)
			}
		}
	}
}
