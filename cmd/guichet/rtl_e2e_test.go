package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// rtlLayout is where things are on a right-to-left page, measured in the
// browser.
type rtlLayout struct {
	Dir          string  `json:"dir"`
	Width        float64 `json:"width"`
	ScrollWidth  float64 `json:"scrollWidth"`
	BrandLeft    float64 `json:"brandLeft"`
	BrandRight   float64 `json:"brandRight"`
	LogoWidth    float64 `json:"logoWidth"`
	SwitchLeft   float64 `json:"switchLeft"`
	CrumbFirst   float64 `json:"crumbFirst"` // left edge of the first crumb (home)
	CrumbLast    float64 `json:"crumbLast"`
	ArticleLeft  float64 `json:"articleLeft"`
	AsideLeft    float64 `json:"asideLeft"`
	TOCRight     float64 `json:"tocRight"`      // right edge of the TOC's first link
	TOCBoxRight  float64 `json:"tocBoxRight"`   // right edge of the TOC box
	ListPadRight float64 `json:"listPadRight"`  // padding-right of the article's list
	QuoteBorder  float64 `json:"quoteBorderR"`  // border-right width of a blockquote
	HeadingAlign string  `json:"headingAlign"`  // text-align of the h1
	SearchRight  float64 `json:"searchRight"`   // right edge of the header's search box
	SearchBtn    float64 `json:"searchBtnLeft"` // left edge of its button
}

const measureRTL = `(() => {
	const r = s => { const n = document.querySelector(s); return n ? n.getBoundingClientRect() : {left: -1, right: -1, width: -1}; };
	const crumbs = document.querySelectorAll('.breadcrumbs li');
	const cs = (s, p) => { const n = document.querySelector(s); return n ? getComputedStyle(n)[p] : ''; };
	return {
		dir: document.documentElement.dir, width: innerWidth, scrollWidth: document.documentElement.scrollWidth,
		brandLeft: r('.brand').left, brandRight: r('.brand').right, logoWidth: r('.brand img').width, switchLeft: r('.lang-switch').left,
		crumbFirst: crumbs[0].getBoundingClientRect().left, crumbLast: crumbs[crumbs.length - 1].getBoundingClientRect().left,
		articleLeft: r('article.article').left, asideLeft: r('.article-aside').left,
		tocRight: r('.toc li a').right, tocBoxRight: r('.toc').right,
		listPadRight: parseFloat(cs('.prose ul', 'paddingRight')), quoteBorderR: parseFloat(cs('.prose blockquote', 'borderRightWidth')),
		headingAlign: cs('h1', 'textAlign'),
		searchRight: r('.site-header input[type=search]').right, searchBtnLeft: r('.site-header .search-form button').left,
	};
})()`

// TestRightToLeftInBrowser loads an Arabic article in Chromium on a
// desktop and a phone screen and checks that the layout mirrors: logo at
// the right, breadcrumbs read from the right, the aside on the left, the
// table of contents, lists and quotes indented from the right; then the
// widget's launcher and panel at the bottom left of an Arabic host page.
// It saves a screenshot of each (in $GUICHET_SCREENSHOTS when set).
func TestRightToLeftInBrowser(t *testing.T) {
	ctx := browser(t)
	helpLn, hostLn, helpURL, hostURL := twoOrigins(t)

	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title:\n  en: Relay Help\n  ar: مساعدة ريلاي\nbase_url: "+helpURL+"\ndefault_locale: en\nlocales: [en, ar]\nlogo: brand/logo.svg\nwidget:\n  allowed_origins: [\""+hostURL+"\"]\n")
	writeFile(t, dir, "brand/logo.svg", `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40" viewBox="0 0 160 40"><rect width="40" height="40" rx="8" fill="#0b5cad"/><text x="50" y="28" font-size="22" font-family="sans-serif" fill="#0b5cad">Relay</text></svg>`)
	writeFile(t, dir, "account/_index.md", "---\ntitle: Account\n---\n")
	writeFile(t, dir, "account/_index.ar.md", "---\ntitle: الحساب\n---\n")
	writeFile(t, dir, "account/security/_index.ar.md", "---\ntitle: الأمان\nid: account/security\n---\n")
	writeFile(t, dir, "account/security/_index.md", "---\ntitle: Security\n---\n")
	writeFile(t, dir, "account/security/reset.md", "---\ntitle: Reset your password\nid: reset\n---\nUse the link.\n## Steps\nOne.\n## After\nTwo.\n")
	writeFile(t, dir, "account/security/reset.ar.md", "---\ntitle: إعادة تعيين كلمة المرور\nid: reset\nfaq: pinned\n---\nإذا نسيت كلمة المرور، استخدم الرابط في صفحة تسجيل الدخول.\n\n## الخطوات\n\n- افتح صفحة تسجيل الدخول.\n- اختر «نسيت كلمة المرور».\n\n> يصل الرابط خلال دقائق.\n\n## بعد ذلك\n\nاختر كلمة مرور جديدة.\n")
	writeFile(t, dir, "account/security/two-factor.ar.md", "---\ntitle: التحقق بخطوتين\nid: two-factor\n---\nفعّل التحقق بخطوتين من الإعدادات.\n")
	writeFile(t, dir, "account/security/two-factor.md", "---\ntitle: Two-step verification\nid: two-factor\n---\nTurn it on in settings.\n")
	m := openMain(t, dir, false)
	serveOn(t, helpLn, m.Server)
	serveOn(t, hostLn, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>تطبيق</title></head><body><h1>تطبيق ريلاي</h1><script src="%s/widget.js" async></script></body></html>`, helpURL)
	}))

	shots := os.Getenv("GUICHET_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	shoot := func(name string, full bool) {
		t.Helper()
		capture := chromedp.CaptureScreenshot()
		if full {
			capture = chromedp.FullScreenshot(100)
		}
		png, err := chromedp.Run(ctx, capture)
		if err != nil || len(png) < 1000 {
			t.Fatalf("screenshot %s: %v (%d bytes)", name, err, len(png))
		}
		p := filepath.Join(shots, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", p)
	}
	measure := func(width, height int64, mobile bool) rtlLayout {
		t.Helper()
		step, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		opts := []chromedp.EmulateViewportOption{}
		if mobile {
			opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateScale(2))
		}
		if err := chromedp.Do(step,
			chromedp.EmulateViewport(width, height, opts...),
			chromedp.Navigate(helpURL+"/ar/account/security/reset"),
			chromedp.WaitVisible(chromedp.CSS(".brand img")),
		); err != nil {
			t.Fatalf("load the Arabic article at %dx%d: %v", width, height, err)
		}
		if _, err := chromedp.Run(step, chromedp.Poll[bool](`document.querySelector('.brand img').complete && document.querySelector('.brand img').naturalWidth > 0`)); err != nil {
			t.Fatalf("the logo does not load: %v", err)
		}
		js, err := chromedp.Run(step, chromedp.Evaluate[json.RawMessage](measureRTL))
		if err != nil {
			t.Fatalf("measure: %v", err)
		}
		var l rtlLayout
		if err := json.Unmarshal(js, &l); err != nil {
			t.Fatal(err)
		}
		return l
	}

	desk := measure(1280, 900, false)
	shoot("rtl-article-desktop.png", true)
	phone := measure(390, 844, true)
	shoot("rtl-article-phone.png", true)
	for name, l := range map[string]rtlLayout{"desktop": desk, "phone": phone} {
		if l.Dir != "rtl" {
			t.Errorf("%s: <html dir> = %q", name, l.Dir)
		}
		if l.ScrollWidth > l.Width+1 {
			t.Errorf("%s: the page scrolls sideways (%v wide in a %v viewport)", name, l.ScrollWidth, l.Width)
		}
		if l.LogoWidth <= 0 {
			t.Errorf("%s: the logo does not show", name)
		}
		if l.BrandRight < l.Width/2 || l.BrandLeft < l.SwitchLeft {
			t.Errorf("%s: the logo is not at the right, before the language switcher: brand %v–%v, switcher at %v", name, l.BrandLeft, l.BrandRight, l.SwitchLeft)
		}
		if l.CrumbFirst <= l.CrumbLast {
			t.Errorf("%s: breadcrumbs read left to right (home at %v, current at %v)", name, l.CrumbFirst, l.CrumbLast)
		}
		if l.TOCBoxRight-l.TOCRight > 40 {
			t.Errorf("%s: the table of contents is not aligned right (link ends %v from the box's right edge)", name, l.TOCBoxRight-l.TOCRight)
		}
		if l.ListPadRight < 10 {
			t.Errorf("%s: lists are not indented from the right (padding-right %v)", name, l.ListPadRight)
		}
		if l.QuoteBorder < 3 {
			t.Errorf("%s: the quote's bar is not on the right (border-right %v)", name, l.QuoteBorder)
		}
		if l.SearchBtn >= l.SearchRight {
			t.Errorf("%s: the search button is not left of the box (button at %v, box ends %v)", name, l.SearchBtn, l.SearchRight)
		}
	}
	if desk.AsideLeft < 0 || desk.AsideLeft >= desk.ArticleLeft {
		t.Errorf("desktop: the aside is not left of the article (aside %v, article %v)", desk.AsideLeft, desk.ArticleLeft)
	}

	// The widget on an Arabic host page: launcher and panel at the bottom
	// left, the panel in Arabic, right to left.
	const shadow = `document.querySelector('[data-guichet-widget]').shadowRoot`
	step, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	button := chromedp.JSPath(shadow + `.querySelector('button')`)
	if err := chromedp.Do(step,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(hostURL+"/settings"),
		chromedp.WaitVisible(button),
	); err != nil {
		t.Fatalf("load the host page: %v", err)
	}
	launcher, err := chromedp.Run(step, chromedp.Evaluate[[]float64](`(() => { const b = `+shadow+`.querySelector('button').getBoundingClientRect(); return [b.left, b.right, innerWidth]; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if launcher[1] > launcher[2]/2 {
		t.Errorf("the launcher is not at the left of an Arabic page: %v–%v of %v", launcher[0], launcher[1], launcher[2])
	}
	label, _ := chromedp.Run(step, chromedp.Evaluate[string](shadow+`.querySelector('button span').textContent`))
	if label != "مساعدة" {
		t.Errorf("launcher label = %q, want Arabic", label)
	}
	if err := chromedp.Do(step, chromedp.Click(button), chromedp.WaitVisible(chromedp.JSPath(shadow+`.querySelector('iframe')`))); err != nil {
		t.Fatalf("open the widget: %v", err)
	}
	nodes, err := chromedp.Run(step, chromedp.Nodes(chromedp.JSPath(shadow+`.querySelector('iframe')`)))
	if err != nil || len(nodes) != 1 {
		t.Fatalf("find the widget's iframe: %v", err)
	}
	// The frame's node may still hold about:blank: look again until it
	// shows its list.
	if !waitFor(20*time.Second, func() bool {
		nodes, err := chromedp.Run(step, chromedp.Nodes(chromedp.JSPath(shadow+`.querySelector('iframe')`)))
		if err != nil || len(nodes) != 1 {
			return false
		}
		short, cancel := context.WithTimeout(step, 2*time.Second)
		defer cancel()
		ok, err := chromedp.Run(short, chromedp.Poll[bool](`document.documentElement.dir === 'rtl' && !!document.querySelector('.w-list a')`,
			chromedp.WithPollingInFrame(nodes[0]), chromedp.WithPollingTimeout(time.Second)))
		return err == nil && ok
	}) {
		t.Error("the widget panel is not right to left with its list")
	}
	panel, err := chromedp.Run(step, chromedp.Evaluate[[]float64](`(() => { const p = `+shadow+`.querySelector('.p').getBoundingClientRect(); return [p.left, p.right, innerWidth]; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if panel[1] > panel[2]/2 {
		t.Errorf("the panel is not at the left of an Arabic page: %v–%v of %v", panel[0], panel[1], panel[2])
	}
	shoot("rtl-widget-desktop.png", false)
}
