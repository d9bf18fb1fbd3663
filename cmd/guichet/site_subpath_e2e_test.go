package main

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestSiteUnderSubPath: the help center browsed under a path of another
// site (base_url https://example.com/help/, behind a proxy that strips
// /help). Its pages linked, loaded their style sheet and scripts, searched
// and redirected from the site's root: an unstyled page whose every link
// led to the other site's 404. Every address the browser follows now
// stays under /help/.
func TestSiteUnderSubPath(t *testing.T) {
	ctx := browser(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	site := "http://" + ln.Addr().String()
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: "+site+"/help/\n")
	writeFile(t, dir, "team/_index.md", "---\ntitle: Team\n---\n")
	writeFile(t, dir, "team/invite.md", "---\ntitle: Invite a teammate\naliases: [/team/add-people]\n---\nOpen **Team** and choose *Invite*. See [roles](roles.md).\n")
	writeFile(t, dir, "team/roles.md", "---\ntitle: Give a teammate admin rights\n---\nOpen **Team**.\n")
	m := openMain(t, dir, false)
	outside := serveUnder(t, ln, "/help", m.Server)

	step, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	at := func() string {
		v, err := chromedp.Run(step, chromedp.Evaluate[string](`location.pathname`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(step, actions...); err != nil {
			t.Fatalf("%s: %v (asked outside /help/: %q)", what, err, outside())
		}
	}
	do("open the home page", chromedp.Navigate(site+"/help/"), chromedp.WaitVisible(chromedp.CSS(`main a[href$="/team/"]`)))
	// The style sheet: the visually hidden label takes no room.
	if w, _ := chromedp.Run(step, chromedp.Evaluate[float64](`document.querySelector('.visually-hidden') ? document.querySelector('.visually-hidden').getBoundingClientRect().width : -1`)); w > 1 {
		t.Errorf("the page is unstyled (a visually hidden label %v px wide)", w)
	}
	do("follow a category link", chromedp.Click(chromedp.CSS(`main a[href$="/team/"]`)), chromedp.WaitVisible(chromedp.CSS(`main a[href$="/team/invite"]`)))
	if got := at(); got != "/help/team/" {
		t.Errorf("category link led to %s", got)
	}
	do("follow an article link", chromedp.Click(chromedp.CSS(`main a[href$="/team/invite"]`)), chromedp.WaitVisible(chromedp.CSS(`.prose a[href$="/team/roles"]`)))
	if got := at(); got != "/help/team/invite" {
		t.Errorf("article link led to %s", got)
	}
	do("follow a link in the article", chromedp.Click(chromedp.CSS(`.prose a[href$="/team/roles"]`)), chromedp.WaitVisible(chromedp.CSS(`main a[href$="/team/"]`)))
	if got := at(); got != "/help/team/roles" {
		t.Errorf("link in the article led to %s", got)
	}
	// The header's search box: a suggestion picked goes to its article.
	do("pick a suggestion",
		chromedp.SendKeys(chromedp.CSS(`form.search-form input[name=q]`), "invite"),
		chromedp.WaitVisible(chromedp.CSS(`.suggestions [role=option]`)),
		chromedp.SendKeys(chromedp.CSS(`form.search-form input[name=q]`), kb.ArrowDown+kb.Enter))
	if !waitFor(10*time.Second, func() bool { return at() == "/help/team/invite" }) {
		t.Errorf("a suggestion picked led to %s", at())
	}
	// Redirects: an alias, a category without its slash.
	for path, want := range map[string]string{"/help/team/add-people": "/help/team/invite", "/help/team": "/help/team/"} {
		do("open "+path, chromedp.Navigate(site+path), chromedp.WaitVisible(chromedp.CSS(`h1`)))
		if got := at(); got != want {
			t.Errorf("%s led to %s, want %s", path, got, want)
		}
	}
	// The widget's demo: its fake app switches screens under /help/ and
	// its panel shows the articles of the screen.
	do("open the demo", chromedp.Navigate(site+"/help/widget/demo"), chromedp.WaitVisible(chromedp.CSS(`.demo-nav a:not([aria-current])`)))
	do("switch screens", chromedp.Click(chromedp.CSS(`.demo-nav a:not([aria-current])`)))
	if !waitFor(5*time.Second, func() bool {
		v, err := chromedp.Run(step, chromedp.Evaluate[bool](`(() => { const a = document.querySelector('.demo-nav a[aria-current]'), s = document.querySelector('.demo-screen:not([hidden])');
			return !!a && !!s && a.getAttribute('href') === location.pathname && s.dataset.url === location.pathname && location.pathname.startsWith('/help/widget/demo/'); })()`))
		return err == nil && v
	}) {
		t.Errorf("the demo did not switch screens under /help/ (at %s)", at())
	}
	if got := outside(); len(got) > 0 {
		t.Errorf("the site's pages asked outside /help/: %q", got)
	}
}
