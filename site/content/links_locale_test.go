package content

import (
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// TestLinksAcrossLocales: a link to the default locale's file (as
// translators leave links) leads to the reader's translation when there is
// one, else to the original; a link naming another locale's file ("read
// it in French") leads to that file, as it does on GitHub (it led to the
// page's own locale: an English page's link to refund.fr.md opened the
// English page).
func TestLinksAcrossLocales(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":         "default_locale: en\nlocales: [en, fr, de]\n",
		"billing/refund.md":    "---\ntitle: Refund\n---\n[French](refund.fr.md) [German](refund.de.md) [fees](fees.md)\n",
		"billing/refund.fr.md": "---\ntitle: Remboursement\n---\n[anglais](refund.md) [frais](fees.md) [allemand](refund.de.md) [moi](refund.fr.md)\n",
		"billing/refund.de.md": "---\ntitle: Erstattung\n---\n[Französisch](refund.fr.md)\n",
		"billing/fees.md":      "---\ntitle: Fees\n---\nBody.\n",
		"billing/fees.fr.md":   "---\ntitle: Frais\n---\nCorps.\n",
	})
	for file, want := range map[string]string{
		"billing/refund.md":    `<a href="/fr/billing/refund">French</a> <a href="/de/billing/refund">German</a> <a href="/billing/fees">fees</a>`,
		"billing/refund.fr.md": `<a href="/fr/billing/refund">anglais</a> <a href="/fr/billing/fees">frais</a> <a href="/de/billing/refund">allemand</a> <a href="/fr/billing/refund">moi</a>`,
		"billing/refund.de.md": `<a href="/fr/billing/refund">Französisch</a>`,
	} {
		if got := string(article(t, lib, file).HTML); !strings.Contains(got, want) {
			t.Errorf("%s: want %s in\n%s", file, want, got)
		}
	}
}

// TestLinkToBrokenOriginalLeadsToTranslation: when the default locale's
// file does not load (its front matter is broken) but the reader's
// translation does, a translated page's link to the original's file (as
// translators leave links) leads to that translation, which is served; it
// was left as written (href="fees.md", a 404) and reported as a broken
// link on the translated page.
func TestLinkToBrokenOriginalLeadsToTranslation(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":         "default_locale: en\nlocales: [en, fr]\n",
		"billing/refund.md":    "---\ntitle: Refund\n---\n[fees](fees.md)\n",
		"billing/refund.fr.md": "---\ntitle: Remboursement\n---\n[frais](fees.md)\n",
		"billing/fees.md":      "---\ntitle: Fees: all of them\n---\nBody.\n",
		"billing/fees.fr.md":   "---\ntitle: Frais\n---\nCorps.\n",
	})
	if got, want := string(article(t, lib, "billing/refund.fr.md").HTML), `<a href="/fr/billing/fees">frais</a>`; !strings.Contains(got, want) {
		t.Errorf("want %s in\n%s", want, got)
	}
	for _, p := range lib.Problems {
		if p.File == "billing/refund.fr.md" {
			t.Errorf("unexpected problem on the translation: %+v", p)
		}
	}
	var original bool
	for _, p := range lib.Problems {
		original = original || p.File == "billing/refund.md" && strings.Contains(p.Message, "fees.md")
	}
	if !original {
		t.Errorf("the English page's link to the broken fees.md is no longer reported: %+v", lib.Problems)
	}
}

// TestBrokenLinkSuggestsNearFile: a link to a missing file one or two typos
// away from a file of its folder names that file (the error said only
// "does not exist", leaving the writer to find the typo).
func TestBrokenLinkSuggestsNearFile(t *testing.T) {
	lib := load(t, map[string]string{
		"alerts/frost.md":       "---\ntitle: Frost\n---\n[t](thresolds.md) [x](nothing-like-it.md)\n",
		"alerts/thresholds.md":  "---\ntitle: Thresholds\n---\nBody.\n",
		"other/thresholds-b.md": "---\ntitle: B\n---\nBody.\n",
	})
	var msgs []string
	for _, p := range lib.Problems {
		msgs = append(msgs, p.Message)
	}
	got := strings.Join(msgs, "\n")
	if want := `broken link "thresolds.md": alerts/thresolds.md does not exist: did you mean alerts/thresholds.md?`; !strings.Contains(got, want) {
		t.Errorf("want %s in\n%s", want, got)
	}
	if want := `alerts/nothing-like-it.md does not exist`; !strings.Contains(got, want) || strings.Contains(got, "nothing-like-it.md does not exist:") {
		t.Errorf("want %s without a suggestion in\n%s", want, got)
	}
}

// TestHugoTranslationKey: Hugo links translations whose file names differ
// (share.md, compartir.es.md) by a shared translationKey; it is their id,
// so they are one article in two languages (it was an unknown field whose
// warning said to remove it, and the two stayed unrelated).
func TestHugoTranslationKey(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":           "default_locale: en\nlocales: [en, es]\n",
		"fields/share.md":        "---\ntitle: Share a field\ntranslationKey: share\n---\nSee [it in Spanish](compartir.es.md).\n",
		"fields/compartir.es.md": "+++\ntitle = \"Compartir un campo\"\ntranslationKey = \"share\"\n+++\nVer [el original](share.md).\n",
	})
	for _, p := range lib.Problems {
		t.Errorf("problem: %s", p)
	}
	en, es := article(t, lib, "fields/share.md"), article(t, lib, "fields/compartir.es.md")
	if en.ID != es.ID {
		t.Errorf("ids %q and %q: the translations are not linked", en.ID, es.ID)
	}
	if got, want := string(es.HTML), `href="/es/fields/compartir"`; !strings.Contains(got, want) {
		t.Errorf("the Spanish page's link to share.md: want %s in %s", want, got)
	}
}

// TestBrokenLinkShownAsText: a broken link was rendered with its address
// (href="heladas.md", a 404 on the site) where a broken Hugo ref is its
// text (rv21e): readers get the text, never a dead address, and check
// says so.
func TestBrokenLinkShownAsText(t *testing.T) {
	lib := load(t, map[string]string{
		"alertas/helada.md": "---\ntitle: Helada\n---\nHielo.\n",
		"alertas/viento.md": "---\ntitle: Viento\n---\nVer [las heladas](heladas.md) y [otra](../nada/) y [la helada](helada.md).\n",
	})
	h := string(article(t, lib, "alertas/viento.md").HTML)
	if strings.Contains(h, `href="heladas.md"`) || strings.Contains(h, `href="../nada/"`) || !strings.Contains(h, "las heladas") || !strings.Contains(h, "otra") {
		t.Errorf("broken links kept their address or lost their text:\n%s", h)
	}
	if !strings.Contains(h, `href="/alertas/helada"`) {
		t.Errorf("the good link is gone:\n%s", h)
	}
	n := 0
	for _, p := range lib.Problems {
		if strings.Contains(p.Message, "the page shows its text without a link") {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d problems say what the page shows, want 2: %v", n, lib.Problems)
	}
}

// TestBrokenAttachmentLinkShownAsText: a link to a missing picture or
// attachment ([the manual](files/manual.pdf), DocFX's lightbox="big.png")
// kept its address as written (href="files/manual.pdf", a 404 under the
// article's URL) where a broken link to an article is its text (rv21k).
func TestBrokenAttachmentLinkShownAsText(t *testing.T) {
	lib := load(t, map[string]string{
		"team/media/a.png": "\x89PNG\r\n\x1a\n",
		"team/logs.md": "---\ntitle: Logs\n---\n[the manual](files/manual.pdf)\n\n" +
			":::image type=\"content\" source=\"media/a.png\" alt-text=\"Audit\" lightbox=\"media/big.png\":::\n",
	})
	h := string(article(t, lib, "team/logs.md").HTML)
	if strings.Contains(h, `href="files/manual.pdf"`) || strings.Contains(h, `href="media/big.png"`) || !strings.Contains(h, "the manual") || !strings.Contains(h, `alt="Audit"`) {
		t.Errorf("broken attachment links kept their address or lost their text:\n%s", h)
	}
	n := 0
	for _, p := range lib.Problems {
		if strings.Contains(p.Message, "the page shows its text without a link") {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d problems say what the page shows, want 2: %v", n, lib.Problems)
	}
}

// TestBrokenDocsLinkSuggestion: check's fix for a Docusaurus link from
// the root that leads nowhere ([pricing](/docs/pricing)) kept the /docs/
// that Guichet takes off, suggesting [text](../docs/pricing.md), a folder
// that never existed (rv21k).
func TestBrokenDocsLinkSuggestion(t *testing.T) {
	lib := load(t, map[string]string{
		"billing/plans.md":  "---\ntitle: Plans\n---\nText.\n",
		"billing/refund.md": "---\ntitle: Refund\n---\n[plans](/docs/billing/plans), [pricing](/docs/pricing) and [our blog](/blog/zero-knowledge)\n",
	})
	h := string(article(t, lib, "billing/refund.md").HTML)
	if !strings.Contains(h, `<a href="/billing/plans">plans</a>`) {
		t.Errorf("the good link is gone:\n%s", h)
	}
	for _, w := range []want{
		{site.SeverityError, "billing/refund.md", 4, "links.root", `broken link "/docs/pricing": no article or page of this site there: link the article's Markdown file, like [text](../pricing.md),`},
		{site.SeverityError, "billing/refund.md", 4, "links.root", `broken link "/blog/zero-knowledge": no article or page of this site there: link the article's Markdown file, like [text](../blog/zero-knowledge.md),`},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no problem %+v in %v", w, lib.Problems)
		}
	}
}

// TestUnclosedTagEnds: a tag begun and not closed ("<div" and its kin)
// is no text to render again: kept, it opened an HTML block whose reading
// never ended (a fuzzer's find, a stack overflow).
func TestUnclosedTagEnds(t *testing.T) {
	for _, body := range []string{"<div", "<div class=\"x\"", "Text <div", "<div\n", "<p>x</p><div", "<!--", "<?php", "<![CDATA[", "</div", "a < b and <3"} {
		done := make(chan string, 1)
		go func() {
			lib := load(t, map[string]string{"a/page.md": "---\ntitle: Page\n---\n" + body + "\n"})
			done <- string(article(t, lib, "a/page.md").HTML)
		}()
		select {
		case h := <-done:
			if body == "a < b and <3" && !strings.Contains(h, "a &lt; b and &lt;3") {
				t.Errorf("%q: text lost: %s", body, h)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%q: rendering never ends", body)
		}
	}
}
