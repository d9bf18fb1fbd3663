package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site/gaps"
)

// TestStubOnANonEnglishSite: on a help center whose default locale is
// French, `gaps stub` of an English gap wrote drafts/x.en.md, the
// translation of a drafts/x.md that does not exist: `guichet check` warned
// about an orphan translation the writer had not made. The draft now sets
// the id its French version would have (check reads it as written in
// English only) and says, in its comment and on the terminal, how to
// translate it. The draft of a French screen with no help was titled
// "Help for checkout" in English: it takes the theme's French words.
func TestStubOnANonEnglishSite(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "guichet.yaml", "title: Aide Colis\ndefault_locale: fr\nlocales: [fr, en]\n")
	writeFile(t, dir, "compte/mot-de-passe.md", "---\ntitle: Changer de mot de passe\n---\nOuvrez Mon compte, puis Mot de passe.\n")
	writeFile(t, dir, "compte/mot-de-passe.en.md", "---\ntitle: Change your password\n---\nOpen My account, then Password.\n")
	clk := &clock{t: time.Date(2026, 11, 19, 9, 0, 0, 0, time.UTC)}
	m := openMainAt(t, dir, clk)
	ctx := context.Background()
	for _, addr := range []string{"10.0.0.1:1", "10.0.0.2:1"} {
		if w := from(m, addr, "GET", "/api/v1/search?locale=en&q=gift+wrapping+voucher", ""); w.Code != 200 {
			t.Fatalf("search: %d %s", w.Code, w.Body)
		}
		if w := from(m, addr, "POST", "/api/v1/events", `{"type":"open","context":"checkout","locale":"fr","source":"widget"}`, "Content-Type", "application/json"); w.Code != 202 {
			t.Fatalf("open: %d %s", w.Code, w.Body)
		}
	}
	if err := m.Recorder.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	rep, err := m.Gaps.Report(ctx, gaps.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var search, screen gaps.Gap
	for _, g := range rep.Gaps {
		switch {
		case g.Kind == gaps.KindSearch && g.Locale == "en":
			search = g
		case g.Kind == gaps.NoHelp && g.Locale == "fr":
			screen = g
		}
	}
	if search.ID == "" || screen.ID == "" {
		t.Fatalf("want an English search gap and a French screen gap: %+v", rep.Gaps)
	}
	var out, errb bytes.Buffer
	if code := run(ctx, []string{"gaps", "stub", search.ID, screen.ID, "--content", dir, "--data", m.Config.Data}, &out, &errb); code != 0 {
		t.Fatalf("stub: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "drafts/gift-wrapping-voucher.en.md") || !strings.Contains(out.String(), "drafts/aide-checkout.md") {
		t.Errorf("stub wrote:\n%s", out.String())
	}
	if note := errb.String(); !strings.Contains(note, "drafts/gift-wrapping-voucher.en.md is in en, not the default locale fr") ||
		!strings.Contains(note, "drafts/gift-wrapping-voucher.md") {
		t.Errorf("the writer is not told what to do with the English draft:\n%s", note)
	}
	draft, err := os.ReadFile(filepath.Join(dir, "drafts", "gift-wrapping-voucher.en.md"))
	if err != nil || !strings.Contains(string(draft), "\nid: \"drafts/gift-wrapping-voucher\"\n") ||
		!strings.Contains(string(draft), "written as drafts/gift-wrapping-voucher.md, shares that id") {
		t.Errorf("English draft (%v):\n%s", err, draft)
	}
	if d, err := os.ReadFile(filepath.Join(dir, "drafts", "aide-checkout.md")); err != nil || !strings.Contains(string(d), "title: \"Aide pour checkout\"\n") {
		t.Errorf("French screen draft (%v):\n%s", err, d)
	}
	out.Reset()
	errb.Reset()
	// A draft's search test is skipped until it is published, as any
	// draft's; nothing else is said of it.
	code := run(ctx, []string{"check", "--content", dir, "--verbose"}, &out, &errb)
	for _, line := range strings.Split(out.String()+errb.String(), "\n") {
		if strings.Contains(line, "gift-wrapping-voucher") && !strings.Contains(line, "search tests skipped: the article is not published") || code != 0 {
			t.Errorf("check: exit %d: %s", code, line)
		}
	}
	// Moved by the writer into its category, the draft keeps the id of
	// the folder it was drafted in: check says which id to set for its
	// French version, written beside it, to translate it.
	if err := os.Rename(filepath.Join(dir, "drafts", "gift-wrapping-voucher.en.md"), filepath.Join(dir, "compte", "gift-wrapping-voucher.en.md")); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errb.Reset()
	if code := run(ctx, []string{"check", "--content", dir, "--verbose"}, &out, &errb); code != 0 ||
		!strings.Contains(out.String()+errb.String(), "set id: compte/gift-wrapping-voucher, this file's own, so that compte/gift-wrapping-voucher.md translates it") {
		t.Errorf("check of the moved draft: exit %d:\n%s%s", code, out.String(), errb.String())
	}
}
