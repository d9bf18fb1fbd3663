package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/guichet/guichet/site"
)

// TestNotHelpfulInBrowser clicks "No" under "Was this helpful?" in
// Chromium and leaves without answering "What went wrong?": on an article
// page (navigating away) and in the widget panel (closing it). Each "No"
// is recorded at its click; a reason given later completes that vote
// instead of counting a second one.
func TestNotHelpfulInBrowser(t *testing.T) {
	ctx := browser(t)
	helpLn, hostLn, helpURL, hostURL := twoOrigins(t)
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Parcel Help\nbase_url: "+helpURL+"\nwidget:\n  allowed_origins: [\""+hostURL+"\"]\n")
	writeFile(t, dir, "shipping/lost.md", "---\ntitle: A parcel is lost\ncontexts: [orders]\n---\nClaim a lost parcel after ten days.\n")
	writeFile(t, dir, "shipping/track.md", "---\ntitle: Track a parcel\n---\nEnter the tracking number.\n")
	writeFile(t, dir, "shipping/return.md", "---\ntitle: Return a parcel\ncontexts: [orders]\n---\nPrint the return label.\n")
	m := openMain(t, dir, false)
	help := &http.Server{Handler: m.Server}
	go help.Serve(helpLn)
	t.Cleanup(func() { help.Close() })
	serveOn(t, hostLn, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, hostPage, "", helpURL, ` data-context="orders"`)
	}))

	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		step, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(step, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// votes reads the stored votes by article, waiting until want holds.
	votes := func(want func(map[string][]site.Event) bool) map[string][]site.Event {
		t.Helper()
		var got map[string][]site.Event
		waitFor(10*time.Second, func() bool {
			m.Recorder.Flush(context.Background())
			events, _ := m.DB.RecentEvents(context.Background(), 50)
			got = map[string][]site.Event{}
			for _, e := range events {
				if e.Type == site.EventVote {
					got[e.ArticleID] = append(got[e.ArticleID], e)
				}
			}
			return want(got)
		})
		return got
	}
	bareNo := func(es []site.Event, source string) bool {
		return len(es) == 1 && es[0].Helpful != nil && !*es[0].Helpful && es[0].Reason == "" && es[0].Source == source
	}

	// 1. An article page: "No", then straight to another page.
	do("say No on an article and leave",
		chromedp.Navigate(helpURL+"/shipping/lost"),
		chromedp.Click(chromedp.CSS(`form.feedback button[value=no]`)),
		chromedp.WaitVisible(chromedp.CSS(`.feedback-why`)),
		chromedp.Navigate(helpURL+"/"),
	)
	if got := votes(func(v map[string][]site.Event) bool { return bareNo(v["shipping/lost"], site.SourceSite) }); !bareNo(got["shipping/lost"], site.SourceSite) {
		t.Errorf("a \"No\" left without a reason was not recorded: %+v", got)
	}

	// 2. "No", recorded; the reason given later completes the same vote.
	do("say No on another article",
		chromedp.Navigate(helpURL+"/shipping/track"),
		chromedp.Click(chromedp.CSS(`form.feedback button[value=no]`)),
		chromedp.WaitVisible(chromedp.CSS(`.feedback-why`)),
	)
	if got := votes(func(v map[string][]site.Event) bool { return bareNo(v["shipping/track"], site.SourceSite) }); !bareNo(got["shipping/track"], site.SourceSite) {
		t.Fatalf("the \"No\" was not recorded at its click: %+v", got)
	}
	do("give the reason",
		chromedp.Click(chromedp.CSS(`input[name=reason][value=inaccurate]`)),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=comment]`), "The number is on the label"),
		chromedp.Click(chromedp.CSS(`.feedback-why button`)),
		chromedp.WaitVisible(chromedp.CSS(`.feedback-thanks`)),
	)
	withReason := func(v map[string][]site.Event) bool {
		es := v["shipping/track"]
		return len(es) == 1 && es[0].Reason == "inaccurate" && es[0].Comment == "The number is on the label"
	}
	if got := votes(withReason); !withReason(got) {
		t.Errorf("the reason did not complete the \"No\" as one vote: %+v", got["shipping/track"])
	}

	// 3. The widget: an article read in the panel, "No", the panel closed.
	do("open the widget",
		chromedp.Navigate(hostURL+"/orders/8841"),
		chromedp.WaitVisible(chromedp.JSPath(`document.querySelector('[data-guichet-widget]').shadowRoot.querySelector('button')`)),
		chromedp.Evaluate[chromedp.Void](`Guichet.openArticle('shipping/return')`),
	)
	var frame *chromedp.Node
	if !waitFor(30*time.Second, func() bool {
		nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.JSPath(`document.querySelector('[data-guichet-widget]').shadowRoot.querySelector('iframe')`)))
		if err != nil || len(nodes) != 1 {
			return false
		}
		frame = nodes[0]
		step, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		return chromedp.Do(step, chromedp.WaitVisible(chromedp.CSS(`.w-article button[value=no]`), chromedp.FromNode(frame))) == nil
	}) {
		t.Fatal("the article did not open in the widget")
	}
	do("say No in the widget and close it",
		chromedp.Click(chromedp.CSS(`.w-article button[value=no]`), chromedp.FromNode(frame)),
		chromedp.WaitVisible(chromedp.CSS(`.w-article .feedback-why`), chromedp.FromNode(frame)),
		chromedp.Evaluate[chromedp.Void](`Guichet.close()`),
	)
	inWidget := func(v map[string][]site.Event) bool {
		es := v["shipping/return"]
		return bareNo(es, site.SourceWidget) && es[0].Context == "orders" && es[0].Path == "/orders/8841"
	}
	if got := votes(inWidget); !inWidget(got) {
		t.Errorf("a \"No\" in the widget, panel closed, was not recorded with its screen: %+v", got["shipping/return"])
	}
}

// TestReasonAfterSlowNo: the "No" recorded at its click is slow to reach
// the server (a mobile network) and the reader gives the reason at once:
// the reason is sent once the "No" is recorded, so it stays the vote
// (the later by the server's time), instead of reaching the server first
// and being replaced by the bare "No".
func TestReasonAfterSlowNo(t *testing.T) {
	ctx := browser(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	helpURL := "http://" + ln.Addr().String()
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Parcel Help\nbase_url: "+helpURL+"\n")
	writeFile(t, dir, "shipping/track.md", "---\ntitle: Track a parcel\n---\nEnter the tracking number.\n")
	m := openMain(t, dir, false)
	var slowed atomic.Bool
	serveOn(t, ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/api/v1/events" {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			if bytes.Contains(body, []byte(`"helpful":false`)) && bytes.Contains(body, []byte(`"reason":""`)) && slowed.CompareAndSwap(false, true) {
				time.Sleep(2 * time.Second) // the bare "No", held on the way
			}
		}
		m.Server.ServeHTTP(w, r)
	}))

	step, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(step,
		chromedp.Navigate(helpURL+"/shipping/track"),
		chromedp.Click(chromedp.CSS(`form.feedback button[value=no]`)),
		chromedp.WaitVisible(chromedp.CSS(`.feedback-why`)),
		chromedp.Click(chromedp.CSS(`input[name=reason][value=inaccurate]`)),
		chromedp.Click(chromedp.CSS(`.feedback-why button`)),
		chromedp.WaitVisible(chromedp.CSS(`.feedback-thanks`)),
	); err != nil {
		t.Fatalf("say No and give the reason: %v", err)
	}
	var got []site.Event
	withReason := func() bool {
		m.Recorder.Flush(context.Background())
		events, _ := m.DB.RecentEvents(context.Background(), 50)
		got = got[:0]
		for _, e := range events {
			if e.Type == site.EventVote {
				got = append(got, e)
			}
		}
		return len(got) == 1 && got[0].Reason == "inaccurate"
	}
	time.Sleep(3 * time.Second) // both requests answered, whichever came last
	if !waitFor(5*time.Second, withReason) {
		t.Errorf("the reason given while the \"No\" was on its way was lost: %+v", got)
	}
}
