package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/guichet/guichet/site/gaps"
)

// chromium returns the path of a Chromium binary, skipping the test when
// there is none, except in CI (CI=true), where a missing browser fails.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("Chromium is not installed; .ci/run installs Debian's chromium package")
	}
	t.Skip("Chromium is not installed (apt-get install chromium); this browser test runs in CI")
	return ""
}

// browser starts headless Chromium and returns a context driving one tab.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		// One renderer for both origins, so the test can reach into the
		// cross-origin frame's DOM; isolation is the browser's business,
		// what is tested here is that the two documents only talk by
		// postMessage.
		chromedp.Flag("disable-site-isolation-trials", true),
		chromedp.Flag("disable-features", "IsolateOrigins,site-per-process"),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	watchCSP(t, ctx)
	return ctx
}

// watchCSP fails the test, when it ends, for every Content-Security-Policy
// violation the browser reported on the help center's pages (the host
// pages of the tests have no policy): the pages must work under their own
// policy with nothing blocked.
func watchCSP(t *testing.T, ctx context.Context) {
	t.Helper()
	var mu sync.Mutex
	var violations []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*cdplog.EventEntryAdded); ok && strings.Contains(e.Entry.Text, "Content Security Policy") {
			mu.Lock()
			violations = append(violations, e.Entry.URL+": "+e.Entry.Text)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, v := range violations {
			t.Errorf("CSP violation: %s", v)
		}
	})
}

// readmeStub is the README's queue stub, as an app copies it; hostHandlers
// registers handlers through it before the loader arrives.
const (
	readmeStub   = `window.Guichet=window.Guichet||{q:[]};"open close setContext suggest search openArticle on".split(" ").forEach(function(m){Guichet[m]=Guichet[m]||function(){Guichet.q.push([m,arguments])}})`
	hostHandlers = `window.seen=[];Guichet.on("open",function(){seen.push("open")});Guichet.on("close",function(){seen.push("close")});Guichet.on("article",function(a){seen.push("article:"+a.id)})`
)

// hostPage is a page of "another company's app" that embeds the widget:
// the queue stub, a handler registered before the loader arrives, and the
// one tag.
const hostPage = `<!doctype html>
<html lang="en"%s>
<head><meta charset="utf-8"><title>Acme app</title>
<style>button, iframe, div { all: unset; color: red !important; font-size: 40px !important }</style>
<script>` + readmeStub + `</script>
<script>` + hostHandlers + `</script>
</head>
<body><h1>Acme</h1><button id="own" type="button">App button</button>
<script src="%s/widget.js" data-locale="en"%s async></script>
</body></html>`

// TestWidgetInBrowser drives Chromium against a host app served from
// another origin than the help center: it opens the widget, checks the
// contextual articles for two host paths and a context key, follows a
// History API route change, searches, reads an article, votes, uses the JS
// API, and checks what landed in the database.
func TestWidgetInBrowser(t *testing.T) {
	ctx := browser(t)

	helpLn, hostLn, helpURL, hostURL := twoOrigins(t)

	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: "+helpURL+"\ncontact_url: https://acme.example/contact\nbrand_color: \"#7a1fa2\"\nwidget:\n  allowed_origins: [\""+hostURL+"\"]\n")
	writeFile(t, dir, "billing/_index.md", "---\ntitle: Billing\n---\n")
	writeFile(t, dir, "billing/update-card.md", "---\ntitle: Update your payment card\ndescription: Change the card we charge each month.\ncontexts: [/settings/billing, /settings/billing/*]\n---\nOpen **Settings › Billing** and choose *Replace card*. The new card is charged from the next invoice.\n")
	writeFile(t, dir, "billing/apply-coupon.md", "---\ntitle: Apply a coupon at checkout\ndescription: Where to type a promotion code.\ncontexts: [checkout]\n---\nType the coupon code in the *Promotion code* box before you pay. One coupon per order.\n")
	writeFile(t, dir, "team/_index.md", "---\ntitle: Team\n---\n")
	writeFile(t, dir, "team/invite.md", "---\ntitle: Invite a teammate\ndescription: Add people to your workspace.\ncontexts: [/team/*]\n---\nOpen **Team** and choose *Invite*. They receive an e-mail with a link valid for seven days.\n")
	writeFile(t, dir, "account/reset-password.md", "---\ntitle: Reset your password\nfaq: pinned\n---\nChoose *Forgot password* on the sign-in page.\n")
	m := openMain(t, dir, false)
	// The README gives the stub and the hash a strict policy allows it by.
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(readmeStub))
	stubHash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	for _, want := range []string{readmeStub, stubHash} {
		if !bytes.Contains(readme, []byte(want)) {
			t.Errorf("README lacks %s", want)
		}
	}

	help := &http.Server{Handler: m.Server}
	go help.Serve(helpLn)
	t.Cleanup(func() { help.Close() })
	host := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		attr, tag := "", ""
		if r.URL.Query().Get("dark") != "" {
			attr = ` data-theme="dark"`
		}
		if r.URL.Query().Get("evil") != "" {
			tag = ` data-context="&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;" data-color="#123456"`
		}
		page := fmt.Sprintf(hostPage, attr, helpURL, tag)
		if r.URL.Path == "/handlers.js" {
			w.Header().Set("Content-Type", "text/javascript")
			fmt.Fprint(w, hostHandlers)
			return
		}
		if r.URL.Query().Get("csp") != "" {
			// An app with a strict policy, as the README advises: our
			// script and frame allowed, the stub by the README's hash
			// (its own script from a file), no inline style at all,
			// and Trusted Types enforced (no string reaches innerHTML).
			w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self'; script-src 'self' "+stubHash+" "+helpURL+"; frame-src "+helpURL+"; require-trusted-types-for 'script'")
			page = strings.Replace(page, "<style>button, iframe, div { all: unset; color: red !important; font-size: 40px !important }</style>", "", 1)
			page = strings.Replace(page, "<script>"+hostHandlers+"</script>", `<script src="/handlers.js"></script>`, 1)
		}
		fmt.Fprint(w, page)
	})}
	go host.Serve(hostLn)
	t.Cleanup(func() { host.Close() })

	const shadow = `document.querySelector('[data-guichet-widget]').shadowRoot`
	var frame *chromedp.Node
	inFrame := func() chromedp.QueryOption { return chromedp.FromNode(frame) }
	// frameTexts reads the text of every node matching sel in the frame.
	frameTexts := func(sel string) []string {
		t.Helper()
		// Runs in the frame's own JavaScript context.
		out, err := chromedp.Run(ctx, chromedp.Poll[[]string](
			fmt.Sprintf(`Array.from(document.querySelectorAll(%q), n => n.textContent.trim())`, sel),
			chromedp.WithPollingInFrame(frame), chromedp.WithPollingTimeout(5*time.Second)))
		if err != nil {
			t.Fatalf("read %s in the widget: %v", sel, err)
		}
		return out
	}
	evalBool := func(js string) bool {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		return v
	}
	evalDo := func(js string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](js)); err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
	}
	seenEvents := func() string {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.seen`))
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(v, ",")
	}
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		step, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(step, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	button := chromedp.JSPath(shadow + `.querySelector('button')`)
	// openOn loads a host page, clicks the help button and waits for the
	// panel's list.
	openOn := func(url string) {
		t.Helper()
		do("open the widget on "+url,
			chromedp.Navigate(url),
			chromedp.WaitVisible(button),
			chromedp.Click(button),
			chromedp.WaitVisible(chromedp.JSPath(shadow+`.querySelector('iframe')`)),
		)
		// The iframe's node may still hold its initial about:blank
		// document: look it up again until its list shows.
		deadline := time.Now().Add(30 * time.Second)
		for {
			nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.JSPath(shadow+`.querySelector('iframe')`)))
			if err != nil || len(nodes) != 1 {
				t.Fatalf("find the widget's iframe: %v", err)
			}
			frame = nodes[0]
			step, cancel := context.WithTimeout(ctx, 2*time.Second)
			err = chromedp.Do(step, chromedp.WaitVisible(chromedp.CSS(".w-list a"), inFrame()))
			cancel()
			if err == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("no article list in the widget on %s: %v", url, err)
			}
		}
	}
	waitHeading := func(want string) {
		t.Helper()
		if !waitFor(10*time.Second, func() bool {
			h := frameTexts(".w-view h2")
			return len(h) > 0 && h[0] == want
		}) {
			t.Fatalf("widget heading: got %q, want %q", frameTexts(".w-view h2"), want)
		}
	}

	// 1. A host path: the article whose contexts match it.
	openOn(hostURL + "/settings/billing/cards")
	waitHeading("Suggested for this page")
	if got := frameTexts(".w-list .w-t"); len(got) != 1 || got[0] != "Update your payment card" {
		t.Fatalf("articles for /settings/billing/cards: %q", got)
	}
	if !evalBool(shadow + `.querySelector('button').getAttribute('aria-expanded') === 'true'`) {
		t.Error("help button is not aria-expanded while open")
	}
	// Focus is inside the panel, on its search box.
	if !waitFor(5*time.Second, func() bool {
		return evalBool(`document.activeElement === document.querySelector('[data-guichet-widget]') && ` + shadow + `.activeElement.tagName === 'IFRAME'`)
	}) {
		t.Error("focus did not move into the widget panel")
	}
	// Tab from the panel's last control wraps to its first (focus trap).
	inFrameJS := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Poll[string](js, chromedp.WithPollingInFrame(frame), chromedp.WithPollingTimeout(5*time.Second)))
		if err != nil {
			t.Fatalf("in the widget, %s: %v", js, err)
		}
		return v
	}
	inFrameJS(`(document.querySelector('.w-foot a:last-child').focus(), 'ok')`)
	do("press Tab", chromedp.KeyEvent(kb.Tab))
	if got := inFrameJS(`document.activeElement.className || document.activeElement.tagName`); got != "w-icon w-close" {
		t.Errorf("Tab from the last control went to %q, want the close button", got)
	}
	// Escape closes and gives focus back to the help button, also from
	// the search box with text in it (the first Escape only cleared the
	// text, as a search field's does; a newcomer, rv19g).
	do("type in the panel's search box", chromedp.SendKeys(chromedp.CSS("#g-wq"), "zzqx", inFrame()))
	time.Sleep(300 * time.Millisecond) // the suggestions' request: none
	do("press Escape", chromedp.KeyEvent(kb.Escape))
	if !waitFor(5*time.Second, func() bool {
		return evalBool(shadow + `.querySelector('.p').hidden && ` + shadow + `.activeElement === ` + shadow + `.querySelector('button')`)
	}) {
		t.Error("Escape did not close the panel and return focus to the help button")
	}
	if got := seenEvents(); got != "open,close" {
		t.Errorf("on('open'/'close') handlers registered before the loader: saw %s", got)
	}

	// 2. A route change through the History API refreshes the context.
	evalDo(`history.pushState(null, '', '/team/people')`)
	do("reopen the widget", chromedp.Click(button))
	if !waitFor(10*time.Second, func() bool {
		got := frameTexts(".w-list .w-t")
		return len(got) == 1 && got[0] == "Invite a teammate"
	}) {
		t.Fatalf("after pushState to /team/people: %q", frameTexts(".w-list .w-t"))
	}

	// The back and forward buttons (popstate) are followed too.
	evalDo(`history.back()`)
	if !waitFor(10*time.Second, func() bool {
		got := frameTexts(".w-list .w-t")
		return len(got) == 1 && got[0] == "Update your payment card"
	}) {
		t.Fatalf("after history.back(): %q", frameTexts(".w-list .w-t"))
	}
	evalDo(`history.forward()`)
	if !waitFor(10*time.Second, func() bool {
		got := frameTexts(".w-list .w-t")
		return len(got) == 1 && got[0] == "Invite a teammate"
	}) {
		t.Fatalf("after history.forward(): %q", frameTexts(".w-list .w-t"))
	}

	// 3. Search inside the panel, open a result inline, vote.
	do("search in the widget",
		// "zzqx", kept from before, erased as a customer would.
		chromedp.SendKeys(chromedp.CSS("#g-wq"), strings.Repeat(kb.Backspace, 4)+"coupon", inFrame()),
		chromedp.WaitVisible(chromedp.CSS(".suggestions [role=option]"), inFrame()),
		chromedp.SendKeys(chromedp.CSS("#g-wq"), kb.Enter, inFrame()),
	)
	waitHeading("Search results for “coupon”")
	if got := frameTexts(".w-list .w-t"); len(got) == 0 || got[0] != "Apply a coupon at checkout" {
		t.Fatalf("search results: %q", got)
	}
	do("open a result", chromedp.Click(chromedp.CSS(".w-list a"), inFrame()))
	waitHeading("Apply a coupon at checkout")
	if got := strings.Join(frameTexts(".w-article .prose"), " "); !strings.Contains(got, "Promotion code") {
		t.Errorf("article body not shown inline: %q", got)
	}
	full, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(".w-full a"), "href", inFrame()))
	if err != nil {
		t.Fatal(err)
	}
	// Absolute: a path would lead under another public URL's path than the help center's.
	if full.Value != helpURL+"/billing/apply-coupon" {
		t.Errorf("full article link = %q", full.Value)
	}
	do("vote in the widget",
		chromedp.Click(chromedp.CSS(".w-article button[value=yes]"), inFrame()),
		chromedp.WaitVisible(chromedp.CSS(".w-article .feedback-thanks"), inFrame()),
	)
	// Back returns to the results.
	do("go back", chromedp.Click(chromedp.CSS(".w-back"), inFrame()))
	waitHeading("Search results for “coupon”")

	// 4. The JS API: a context key, an article chosen by the app, a
	// search given markup (shown as text).
	evalDo(`Guichet.close(); Guichet.setContext('checkout'); Guichet.open()`)
	do("go back home", chromedp.Click(chromedp.CSS(".w-back"), inFrame()))
	if !waitFor(10*time.Second, func() bool {
		// The key's article first (more specific), then the path's.
		got := frameTexts(".w-list .w-t")
		return strings.Join(got, "|") == "Apply a coupon at checkout|Invite a teammate"
	}) {
		t.Fatalf("after setContext('checkout'): %q", frameTexts(".w-list .w-t"))
	}
	// A key built from the page's text may hold a line break: the loader
	// sends it on one line ("Checkout page", no article's key: the path's
	// article), where the help center refused it and the panel said it
	// could not be loaded.
	evalDo("Guichet.close(); Guichet.setContext('Checkout\\npage'); Guichet.open()")
	if !waitFor(10*time.Second, func() bool {
		return strings.Join(frameTexts(".w-list .w-t"), "|") == "Invite a teammate"
	}) {
		t.Fatalf("after setContext('Checkout\\npage'): %q", frameTexts(".w-list .w-t"))
	}
	evalDo(`Guichet.setContext('checkout')`)
	// Articles chosen by the app replace the contextual list.
	evalDo(`Guichet.suggest(['account/reset-password', 'billing/update-card'])`)
	if !waitFor(10*time.Second, func() bool {
		got := frameTexts(".w-list .w-t")
		return strings.Join(got, "|") == "Reset your password|Update your payment card"
	}) {
		t.Fatalf("after suggest(): %q", frameTexts(".w-list .w-t"))
	}
	waitHeading("Suggested articles")
	// An ID the help center does not have says so, not "check your
	// connection".
	evalDo(`Guichet.openArticle('no/such-article')`)
	waitHeading("This article is not here any more: search for it instead.")
	evalDo(`Guichet.openArticle('billing/update-card')`)
	waitHeading("Update your payment card")
	if !waitFor(5*time.Second, func() bool { return strings.Contains(seenEvents(), "article:billing/update-card") }) {
		t.Errorf("on('article') not called: %s", seenEvents())
	}
	evalDo(`Guichet.search('<img src=x onerror="window.pwned=1">')`)
	waitHeading(`No articles match “<img src=x onerror="window.pwned=1">”.`)
	// The query is put in the sentence as typed: "$&" is not a
	// replacement pattern.
	evalDo(`Guichet.search('zq$&wombat')`)
	waitHeading(`No articles match “zq$&wombat”.`)
	// A corrected query names what ran, and the words as typed stay one
	// click away.
	evalDo(`Guichet.search('coupn')`)
	waitHeading("Search results for “coupon”")
	if got := strings.Join(frameTexts(".w-instead"), " "); got != "Search instead for coupn" {
		t.Errorf("correction note = %q, want \"Search instead for coupn\"", got)
	}
	do("search as typed", chromedp.Click(chromedp.CSS(".w-instead button"), inFrame()))
	waitHeading("No articles match “coupn”.")
	// No dead end: the top questions, the categories and the contact link
	// (no "Tell me when this is answered": the contact is not an address).
	if got := strings.Join(frameTexts(".w-view .w-next h2"), "|"); got != "Top questions|Categories|Still need help?" {
		t.Errorf("next steps after no results: %q", got)
	}
	if got := strings.Join(frameTexts(".w-view .w-next .top-questions .w-t"), "|"); got != "Reset your password" {
		t.Errorf("top questions after no results: %q", got)
	}
	// Results answering part of the query are related articles, followed
	// by the contact link only.
	evalDo(`Guichet.search('coupon zeppelin hamster')`)
	waitHeading("Articles related to “coupon zeppelin hamster”")
	if got := strings.Join(frameTexts(".w-view .w-intro"), " "); got != "No article answers all of “coupon zeppelin hamster”; these are the closest." {
		t.Errorf("related intro = %q", got)
	}
	if got := frameTexts(".w-view > .w-list .w-t"); len(got) == 0 || got[0] != "Apply a coupon at checkout" {
		t.Errorf("related articles: %q", got)
	}
	if got := strings.Join(frameTexts(".w-view .w-next h2"), "|"); got != "Still need help?" {
		t.Errorf("next steps after related articles: %q", got)
	}

	// 5. A screen with no help, opened by a host page whose data-context
	// carries markup, in dark mode.
	openOn(hostURL + "/reports/2024?dark=1&evil=1")
	waitHeading("Popular articles")
	if got := frameTexts(".w-list .w-t"); len(got) == 0 || got[0] != "Reset your password" {
		t.Errorf("no match should show the top FAQ: %q", got)
	}
	if !waitFor(5*time.Second, func() bool {
		theme, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("html"), "data-theme", inFrame()))
		return err == nil && theme.Value == "dark"
	}) {
		t.Error("the panel does not follow the dark host page")
	}
	// data-color on the tag wins over the site's brand colour.
	brand, err := chromedp.Run(ctx, chromedp.Poll[string](`getComputedStyle(document.documentElement).getPropertyValue('--brand').trim()`,
		chromedp.WithPollingInFrame(frame), chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil || brand != "#123456" {
		t.Errorf("the panel's brand colour with data-color=#123456: %q %v", brand, err)
	}
	if evalBool(`!!window.pwned`) {
		t.Error("markup from the host page ran as script")
	}

	// 6. The launcher is styled on a host page whose policy forbids inline
	// style, and on the help center's own demo under its policy (watchCSP
	// fails the test on any violation).
	for _, page := range []string{hostURL + "/settings/billing?csp=1", helpURL + "/widget/demo"} {
		openOn(page)
		if pos, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(`+shadow+`.querySelector('button')).position`)); err != nil || pos != "fixed" {
			t.Errorf("%s: the launcher is not styled (position %q, %v)", page, pos, err)
		}
		// The stub ran and the loader called the handler queued through it.
		if strings.Contains(page, "csp=1") && !strings.HasPrefix(seenEvents(), "open") {
			t.Errorf("%s: the stub's queued on('open') handler was not called: %q", page, seenEvents())
		}
	}

	// 7. What landed in the database.
	if !waitFor(10*time.Second, func() bool {
		m.Recorder.Flush(context.Background())
		events, _ := m.DB.RecentEvents(context.Background(), 50)
		votes := 0
		for _, e := range events {
			if e.Type == "vote" && e.Source == "widget" && e.Path == "/team/people" && e.ArticleID == "billing/apply-coupon" {
				votes++
			}
		}
		return votes == 1
	}) {
		events, _ := m.DB.RecentEvents(context.Background(), 50)
		t.Fatalf("the widget vote was not stored with its host path: %+v", events)
	}
	events, _ := m.DB.RecentEvents(context.Background(), 50)
	clicked := false
	for _, e := range events {
		if e.Type == "click" && e.Source == "widget" && e.ArticleID == "billing/apply-coupon" && e.SearchID != "" && e.Path == "/team/people" {
			clicked = true
		}
	}
	if !clicked {
		t.Errorf("no widget click with its search and host path: %+v", events)
	}
	var searches []gaps.Record
	keep := func(r gaps.Record) error {
		if r.Kind == "" {
			searches = append(searches, r)
		}
		return nil
	}
	err = m.DB.GapRecords(context.Background(), time.Now().Add(-time.Hour), keep)
	if err == nil {
		err = m.DB.SatisfiedSearches(context.Background(), time.Now().Add(-time.Hour), keep)
	}
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range searches {
		if s.Normalized == "coupon" && s.Source == "widget" && s.Path == "/team/people" {
			found = true
		}
	}
	if !found {
		t.Errorf("the widget search was not stored with source widget and its host path: %+v", searches)
	}
	var screens []gaps.Record
	err = m.DB.GapRecords(context.Background(), time.Now().Add(-time.Hour), func(r gaps.Record) error {
		if r.Failure() == gaps.NoHelp {
			screens = append(screens, r)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(screens) != 1 || screens[0].Path != "/reports/2024" || screens[0].Context != `<img src=x onerror="window.pwned=1">` {
		t.Errorf("screens with no help: %+v", screens)
	}
	rep, err := m.Gaps.Report(context.Background(), gaps.Options{Since: time.Now().Add(-time.Hour), MinVisitors: 1})
	report := rep.Gaps
	if err != nil {
		t.Fatal(err)
	}
	noHelp := 0
	for _, g := range report {
		if g.Kind == gaps.NoHelp {
			noHelp++
		}
	}
	if noHelp != 1 {
		t.Errorf("gap report: %d screens with no help, want 1: %+v", noHelp, report)
	}
}

// TestWidgetHelpCenterDown: on a phone, where the panel takes the whole
// screen, a help center that does not answer (a proxy's 502 for the
// panel's page) leaves the launcher on top to close the panel and says
// why it is empty; the next opening tries again and shows the articles.
// A host that then swaps its whole <body> keeps the widget.
func TestWidgetHelpCenterDown(t *testing.T) {
	ctx := browser(t)
	helpLn, hostLn, helpURL, hostURL := twoOrigins(t)
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Acme Help\nbase_url: "+helpURL+"\nwidget:\n  allowed_origins: [\""+hostURL+"\"]\n")
	writeFile(t, dir, "team/_index.md", "---\ntitle: Team\n---\n")
	writeFile(t, dir, "team/invite.md", "---\ntitle: Invite a teammate\ncontexts: [/team/*]\n---\nOpen **Team** and choose *Invite*.\n")
	m := openMain(t, dir, false)
	var down, slow atomic.Bool
	down.Store(true)
	serveOn(t, helpLn, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if slow.Load() && r.URL.Path == "/widget/frame" {
			time.Sleep(5 * time.Second)
		}
		if down.Load() && r.URL.Path == "/widget/frame" {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			fmt.Fprint(w, "<h1>502 Bad Gateway</h1>")
			return
		}
		m.Server.ServeHTTP(w, r)
	}))
	serveOn(t, hostLn, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="de-CH"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Acme</title><script>window.warned=[];console.warn=function(m){warned.push(String(m))}</script></head><body><h1>Acme</h1><script src="%s/widget.js" async></script></body></html>`, helpURL)
	}))

	const shadow = `document.querySelector('[data-guichet-widget]').shadowRoot`
	button := chromedp.JSPath(shadow + `.querySelector('button')`)
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("evaluate %s: %v", js, err)
		}
		return v
	}
	// frameList is the panel's first article title, "" until it shows.
	frameList := func() string {
		// The iframe's node may still hold its previous document: look it up each time.
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
	// What a finger on the launcher's place touches: the launcher, or the panel over it.
	const onTop = `(() => { const b = ` + shadow + `.querySelector('button'), r = b.getBoundingClientRect();
		if (!r.width) return 'hidden';
		const e = ` + shadow + `.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
		return e.closest('.b') ? 'launcher' : e.tagName })()`
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile),
		chromedp.Navigate(hostURL+"/team/people"),
		chromedp.WaitVisible(button),
		chromedp.Click(button),
	); err != nil {
		t.Fatal(err)
	}
	if !waitFor(20*time.Second, func() bool {
		return eval(`(n => n && !n.hidden ? 'shown' : '')(`+shadow+`.querySelector('.n'))`) == "shown"
	}) {
		t.Fatal("the panel of a help center that answers 502 says nothing")
	}
	if got := eval(shadow + `.querySelector('.n').textContent`); got != "This could not be loaded. Check your connection and try again." {
		t.Errorf("note in the failed panel: %q", got)
	}
	// The app's developer learns from the console what to check: the help center, or the origin list.
	if got := eval(`window.warned.join('\n')`); !strings.Contains(got, helpURL) || !strings.Contains(got, hostURL+" not in widget.allowed_origins") {
		t.Errorf("console warning of the failed panel: %q, want the help center's URL and the page's origin", got)
	}
	// A help center without German: the widget speaks, and says it speaks, English.
	if got := eval(`document.querySelector('[data-guichet-widget]').lang + ' ' + ` + shadow + `.querySelector('button').textContent`); got != "en Close help" {
		t.Errorf("the launcher on a de-CH page of an English help center: %q, want lang en", got)
	}
	if got := eval(onTop); got != "launcher" {
		t.Fatalf("full-screen failed panel: the launcher is not on top to close it (%q)", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(button)); err != nil {
		t.Fatal(err)
	}
	if eval(shadow+`.querySelector('.p').hidden ? 'closed' : 'open'`) != "closed" {
		t.Fatal("the launcher did not close the failed panel")
	}

	// The help center is back: the next opening loads the panel again.
	down.Store(false)
	if err := chromedp.Do(ctx, chromedp.Click(button)); err != nil {
		t.Fatal(err)
	}
	if !waitFor(20*time.Second, func() bool { return frameList() == "Invite a teammate" }) {
		t.Fatal("opening again after the help center came back did not load the panel")
	}
	if got := eval(shadow + `.querySelector('.n').hidden ? 'hidden' : 'shown'`); got != "hidden" {
		t.Error("the failure note stays over the loaded panel")
	}
	// Once loaded, the panel has its own close button and covers the launcher.
	if !waitFor(5*time.Second, func() bool { return eval(onTop) == "hidden" }) {
		t.Errorf("launcher over the loaded full-screen panel: %q", eval(onTop))
	}

	// An app that swaps its whole <body> on navigation (Turbo Drive)
	// gets the widget back, closed, and it opens on the new screen.
	eval(`document.body.replaceWith(Object.assign(document.createElement('body'), {textContent: 'Team settings'})),
		history.pushState(null, '', '/team/settings'), ''`)
	if !waitFor(5*time.Second, func() bool {
		return eval(`(n => n && n.isConnected && n.shadowRoot.querySelector('button').getAttribute('aria-expanded') || '')(document.querySelector('[data-guichet-widget]'))`) == "false"
	}) {
		t.Fatal("the widget did not come back after the host swapped its <body>")
	}
	if err := chromedp.Do(ctx, chromedp.Click(button)); err != nil {
		t.Fatal(err)
	}
	if !waitFor(20*time.Second, func() bool { return frameList() == "Invite a teammate" }) {
		t.Fatal("the widget brought back after a <body> swap did not load its panel")
	}
	if got := eval(shadow + `.querySelector('iframe').src`); !strings.Contains(got, "path=%2Fteam%2Fsettings") {
		t.Errorf("the new panel is not for the new screen: %s", got)
	}

	// A panel dropped with the <body> while it was still loading does not
	// fail the next one: its 3-second wait after an error page is its own.
	noteShown := func() bool {
		return eval(`(n => n && !n.hidden ? 'shown' : '')(`+shadow+`.querySelector('.n'))`) == "shown"
	}
	eval(`document.body.replaceWith(Object.assign(document.createElement('body'), {textContent: 'Billing'})),
		history.pushState(null, '', '/billing'), ''`)
	if !waitFor(5*time.Second, func() bool {
		return eval(`(n => n && n.isConnected ? 'back' : '')(document.querySelector('[data-guichet-widget]'))`) == "back"
	}) {
		t.Fatal("the widget did not come back after the second <body> swap")
	}
	down.Store(true)
	if err := chromedp.Do(ctx, chromedp.Click(button)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // the error page has loaded: its 3-second wait runs
	eval(`document.body.replaceWith(Object.assign(document.createElement('body'), {textContent: 'Team'})),
		history.pushState(null, '', '/team/people'), ''`)
	down.Store(false)
	slow.Store(true) // the next panel takes longer than the dropped one's wait
	if !waitFor(5*time.Second, func() bool {
		return eval(`(n => n && n.isConnected ? 'back' : '')(document.querySelector('[data-guichet-widget]'))`) == "back"
	}) {
		t.Fatal("the widget did not come back after the third <body> swap")
	}
	if err := chromedp.Do(ctx, chromedp.Click(button)); err != nil {
		t.Fatal(err)
	}
	for end := time.Now().Add(3500 * time.Millisecond); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if noteShown() {
			t.Fatal("a panel still loading says it could not be loaded: the dropped panel's wait failed it")
		}
	}
	slow.Store(false)
	if !waitFor(20*time.Second, func() bool { return frameList() == "Invite a teammate" }) {
		t.Fatal("the slow panel did not load")
	}
}

// twoOrigins listens for a help center and for a host app on two origins
// (another host name and port), as an app embedding the widget is:
// http://127.0.0.1:PORT and http://localhost:PORT.
func twoOrigins(t *testing.T) (helpLn, hostLn net.Listener, helpURL, hostURL string) {
	t.Helper()
	helpLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hostLn, err = net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return helpLn, hostLn, "http://" + helpLn.Addr().String(), fmt.Sprintf("http://localhost:%d", hostLn.Addr().(*net.TCPAddr).Port)
}

// serveOn serves h on ln until the test ends.
func serveOn(t *testing.T, ln net.Listener, h http.Handler) {
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
}
