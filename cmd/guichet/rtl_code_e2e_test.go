package main

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestRightToLeftCodeInBrowser: code on an Arabic page reads left to right
// as written. A USSD code `*#06#` in an Arabic sentence must not show as
// "#06#*" (the customer would dial it so), and a code block wider than a
// phone must show its beginning, not its end, with the copy button off it.
func TestRightToLeftCodeInBrowser(t *testing.T) {
	ctx := browser(t)
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "default_locale: en\nlocales: [en, ar]\n")
	writeFile(t, dir, "help/dial.md", "---\ntitle: Dial a code\n---\nDial `*#06#`.\n")
	writeFile(t, dir, "help/dial.ar.md", "---\ntitle: اطلب رمزًا\n---\nاطلب `*#06#` لمعرفة رقم IMEI.\n\n```text\nROAM ON ZONE2 DAILYPASS AUTO-RENEW=YES NOTIFY=SMS,EMAIL LIMIT=50EUR\n```\n")
	m := openMain(t, dir, false)
	srv := httptest.NewServer(m.Server)
	t.Cleanup(srv.Close)

	step, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(step,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(srv.URL+"/ar/help/dial"),
		chromedp.WaitVisible(chromedp.CSS(".copy-code")),
	); err != nil {
		t.Fatalf("load the Arabic article: %v", err)
	}
	js, err := chromedp.Run(step, chromedp.Evaluate[json.RawMessage](`(() => {
		const at = (node, i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect(); };
		const code = document.querySelector('.prose p code').firstChild;
		const pre = document.querySelector('.prose pre');
		const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
		const first = at(walker.nextNode(), 0), box = pre.getBoundingClientRect();
		const btn = document.querySelector('.copy-code').getBoundingClientRect();
		return {starLeft: at(code, 0).left, hashLeft: at(code, 4).left,
			firstLeft: first.left, firstRight: first.right, preLeft: box.left, preRight: box.right,
			btnLeft: btn.left, btnRight: btn.right};
	})()`))
	if err != nil {
		t.Fatalf("measure: %v", err)
	}
	var l struct{ StarLeft, HashLeft, FirstLeft, FirstRight, PreLeft, PreRight, BtnLeft, BtnRight float64 }
	if err := json.Unmarshal(js, &l); err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", l)
	if l.StarLeft > l.HashLeft {
		t.Errorf("`*#06#` in an Arabic sentence shows its * after its last # (at x=%.0f, the # at %.0f): it reads \"#06#*\"", l.StarLeft, l.HashLeft)
	}
	if l.FirstLeft < l.PreLeft || l.FirstRight > l.PreRight {
		t.Errorf("the code block's first character is out of view (at %.0f–%.0f, the block %.0f–%.0f): the end of the line shows, not its beginning", l.FirstLeft, l.FirstRight, l.PreLeft, l.PreRight)
	}
	if l.BtnLeft < l.FirstRight && l.FirstLeft < l.BtnRight {
		t.Errorf("the copy button (%.0f–%.0f) covers the code's first character (%.0f–%.0f)", l.BtnLeft, l.BtnRight, l.FirstLeft, l.FirstRight)
	}
}

// TestEnglishTextOnRightToLeftPageInBrowser: text shown in English on an
// Arabic page (a site description not translated, marked lang="en") reads
// left to right: its closing period ends the sentence on the right, not
// at its left as ".eSIM, roaming and bills".
func TestEnglishTextOnRightToLeftPageInBrowser(t *testing.T) {
	ctx := browser(t)
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title:\n  en: Nubia Help\n  ar: مساعدة نوبيا\ndescription: Answers about your line, eSIM, roaming and bills.\ndefault_locale: en\nlocales: [en, ar]\n")
	writeFile(t, dir, "help/a.md", "---\ntitle: Roaming\n---\nText.\n")
	writeFile(t, dir, "help/a.ar.md", "---\ntitle: التجوال\n---\nنص.\n")
	m := openMain(t, dir, false)
	srv := httptest.NewServer(m.Server)
	t.Cleanup(srv.Close)
	step, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(step, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(srv.URL+"/ar/")); err != nil {
		t.Fatalf("load the Arabic home: %v", err)
	}
	got, err := chromedp.Run(step, chromedp.Evaluate[[]any](`(() => {
		const p = [...document.querySelectorAll('[lang=en]')].find(e => e.textContent.trim().endsWith('bills.'));
		if (!p) return ['', 0, 0];
		const n = p.firstChild, at = i => { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1); return r.getBoundingClientRect(); };
		const s = n.textContent, end = s.lastIndexOf('.'), last = at(end), prev = at(end - 1);
		return [s, last.left, prev.left];
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got[0] == "" {
		t.Fatal("no element marked lang=\"en\" holds the English description on /ar/")
	}
	if dot, s := got[1].(float64), got[2].(float64); dot < s {
		t.Errorf("%q on the Arabic home: its period is drawn at x=%.0f, left of the word it ends (x=%.0f)", got[0], dot, s)
	}
}
