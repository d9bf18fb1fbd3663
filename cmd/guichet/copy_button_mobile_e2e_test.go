package main

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestCopyButtonCoversNoCodeOnPhone: on a 360-px screen, a code block's
// copy button sat over the block's top right corner, so a line wider than
// the screen ran under it: "…Bearer $TOK" then "Copy" where the rest of
// the command was, at the start and as it scrolled sideways (only its very
// end could be scrolled clear). No character of any line is under the
// button, wherever the block is scrolled.
func TestCopyButtonCoversNoCodeOnPhone(t *testing.T) {
	ctx := browser(t)
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "default_locale: en\nlocales: [en, de]\n")
	long := "```bash\ncurl -H 'Authorization: Bearer $TOKEN' -H 'Accept: application/json' https://api.taskwell.example/v1/projects?include=members\ncurl https://api.taskwell.example/v1/projects/42/members?role=admin&limit=100\n```\n\n```\nshort\n```\n"
	writeFile(t, dir, "api/token.md", "---\ntitle: Create an API token\n---\nRun:\n\n"+long)
	writeFile(t, dir, "api/token.de.md", "---\ntitle: Ein API-Token erstellen\n---\nAusführen:\n\n"+long)
	m := openMain(t, dir, false)
	srv := httptest.NewServer(m.Server)
	t.Cleanup(srv.Close)
	for _, page := range []string{"/api/token", "/de/api/token"} {
		step, cancel := context.WithTimeout(ctx, 30*time.Second)
		if err := chromedp.Do(step,
			chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile),
			chromedp.Navigate(srv.URL+page),
			chromedp.WaitVisible(chromedp.CSS(".copy-code")),
		); err != nil {
			cancel()
			t.Fatalf("load %s: %v", page, err)
		}
		// Every block at its start, halfway and at its end, with the
		// button's own words and the longer "copied" ones: the characters
		// drawn under the button.
		got, err := chromedp.Run(step, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.code-block')].flatMap(w => {
			const pre = w.querySelector('pre'), b = w.querySelector('.copy-code'), out = [];
			const texts = [], walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
			for (let n; (n = walker.nextNode());) texts.push(n);
			for (const label of [document.body.dataset.copy, document.body.dataset.copied]) {
				b.textContent = label;
				const end = pre.scrollWidth - pre.clientWidth;
				for (const at of [0, end / 2, end]) {
					pre.scrollLeft = at;
					const br = b.getBoundingClientRect(), box = pre.getBoundingClientRect();
					let hidden = '';
					for (const n of texts) for (let i = 0; i < n.textContent.length; i++) {
						if (!n.textContent[i].trim()) continue;
						const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
						const c = r.getBoundingClientRect();
						if (c.right <= box.left || c.left >= box.right) continue; // scrolled out of view
						if (c.left < br.right && br.left < c.right && c.top < br.bottom && br.top < c.bottom) hidden += n.textContent[i];
					}
					if (hidden) out.push(label + ', scrolled to ' + Math.round(at) + ' px: "' + hidden + '" under the button');
				}
			}
			return out;
		})`))
		cancel()
		if err != nil {
			t.Fatalf("measure %s: %v", page, err)
		}
		for _, g := range got {
			t.Errorf("%s at 360 px: %s", page, g)
		}
	}
}
