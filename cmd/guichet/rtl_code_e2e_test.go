package main

import (
	"context"
	"encoding/json"
	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
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

// TestCopyButtonLeavesCodeEndReadable: on a phone, a code block's line
// wider than the screen scrolls sideways, and its end, scrolled into view,
// is not under the copy button (a command's last characters hidden for
// good: "…/v1/projec" with "ts" under "Copy").
func TestCopyButtonLeavesCodeEndReadable(t *testing.T) {
	ctx := browser(t)
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "default_locale: en\nlocales: [en, nl]\n")
	writeFile(t, dir, "api/token.md", "---\ntitle: Create an API token\n---\n```bash\ncurl -H 'Authorization: Bearer $TOKEN' https://api.taskwell.example/v1/projects\n```\n\n```\nplain text line that is wider than a phone screen ENDMARK\n```\n")
	writeFile(t, dir, "api/token.nl.md", "---\ntitle: Een API-token maken\n---\n```bash\ncurl -H 'Authorization: Bearer $TOKEN' https://api.taskwell.example/v1/projects\n```\n")
	m := openMain(t, dir, false)
	srv := httptest.NewServer(m.Server)
	t.Cleanup(srv.Close)
	for _, page := range []string{"/api/token", "/nl/api/token"} {
		step, cancel := context.WithTimeout(ctx, 30*time.Second)
		if err := chromedp.Do(step,
			chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
			chromedp.Navigate(srv.URL+page),
			chromedp.WaitVisible(chromedp.CSS(".copy-code")),
		); err != nil {
			cancel()
			t.Fatalf("load %s: %v", page, err)
		}
		// Each block scrolled to its end; its last character against its
		// button, both the button's own words and the longer "copied" ones.
		got, err := chromedp.Run(step, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.code-block')].flatMap(w => {
			const pre = w.querySelector('pre'), b = w.querySelector('.copy-code'), out = [];
			const texts = [], walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
			for (let n; (n = walker.nextNode());) if (n.textContent.trim()) texts.push(n);
			const n = texts[texts.length - 1], i = n.textContent.trimEnd().length - 1;
			for (const label of [document.body.dataset.copy, document.body.dataset.copied]) {
				b.textContent = label;
				pre.scrollLeft = 1e6;
				const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
				const c = r.getBoundingClientRect(), br = b.getBoundingClientRect(), box = pre.getBoundingClientRect();
				if (c.right > box.right || (c.left < br.right && br.left < c.right && c.top < br.bottom && br.top < c.bottom))
					out.push(label + ': "' + n.textContent.trim().slice(-12) + '" ends at ' + Math.round(c.left) + '–' + Math.round(c.right) + ', the button is at ' + Math.round(br.left) + '–' + Math.round(br.right));
			}
			return out;
		})`))
		cancel()
		if err != nil {
			t.Fatalf("measure %s: %v", page, err)
		}
		for _, g := range got {
			t.Errorf("%s, a code block scrolled to its end: its last character is under the copy button (%s)", page, g)
		}
	}
}

// TestCopyIsAnnounced: a code block's copy button says "Copied" in its
// label and in a status region beside it, which screen readers announce
// (a button's new label alone is not).
func TestCopyIsAnnounced(t *testing.T) {
	ctx := browser(t)
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "default_locale: en\nlocales: [en, fr]\n")
	writeFile(t, dir, "api/token.fr.md", "---\ntitle: Créer un jeton\n---\n```bash\ncurl https://api.example/v1\n```\n")
	writeFile(t, dir, "api/token.md", "---\ntitle: Create a token\n---\n```bash\ncurl https://api.example/v1\n```\n")
	m := openMain(t, dir, false)
	srv := httptest.NewServer(m.Server)
	t.Cleanup(srv.Close)
	step, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.CallBrowser(step, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
		Permission: &cdpbrowser.PermissionDescriptor{Name: "clipboard-write", AllowWithoutSanitization: true},
		Setting:    cdpbrowser.PermissionSettingGranted, Origin: srv.URL}); err != nil {
		t.Fatalf("clipboard permission: %v", err)
	}
	if _, err := chromedp.Call(step, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatalf("focus: %v", err)
	}
	if err := chromedp.Do(step,
		chromedp.Navigate(srv.URL+"/fr/api/token"),
		chromedp.WaitVisible(chromedp.CSS(".copy-code")),
		chromedp.Click(chromedp.CSS(".copy-code")),
	); err != nil {
		t.Fatalf("copy: %v", err)
	}
	said, err := chromedp.Run(step, chromedp.Poll[string](`(() => { const s = document.querySelector('.code-block [role=status]'); return s && s.textContent; })()`))
	if err != nil {
		t.Fatalf("copy: %v", err)
	}
	if said != "Copié" {
		t.Errorf("status beside the copy button says %q, want Copié", said)
	}
}
