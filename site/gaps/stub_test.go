package gaps_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/gaps"
)

// loadContent loads dir as guichet serve does, with drafts shown.
func loadContent(t *testing.T, dir string) *site.Library {
	t.Helper()
	fsys, closer, err := content.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	lib, err := content.Load(context.Background(), fsys, content.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// TestWriteStubLoads: every draft written for a gap loads as a draft
// article without a problem, whatever the visitors typed (quotes, colons,
// YAML markers, other scripts), titled and tested with their words.
func TestWriteStubLoads(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		g    gaps.Gap
		file string
	}{
		{g: gaps.Gap{ID: "g1", Kind: gaps.KindSearch, Locale: "en", Query: "cancel subscription",
			Variants: []gaps.Variant{{Query: "cancel subscription", Searches: 9}, {Query: "how to cancel my plan", Searches: 3}},
			Visitors: 7, NoResults: 5, NoClick: 4,
			FoundInstead: []gaps.Found{{Article: "billing/plans", Visitors: 3}, {Article: "odd--name-->", Visitors: 2}},
			ShownFirst:   []gaps.Found{{Article: "billing/cancel--old-->", Visitors: 2}, {Article: "billing/refunds", Visitors: 1}}},
			file: "drafts/cancel-subscription.md"},
		{g: gaps.Gap{ID: "g2", Kind: gaps.KindSearch, Locale: "en", Query: `error: "quota" exceeded # again --- [x]`,
			Variants: []gaps.Variant{{Query: `error: "quota" exceeded # again --- [x]`, Searches: 2}, {Query: "- yes: no", Searches: 1}}},
			file: "drafts/error-quota-exceeded-again-x.md"},
		{g: gaps.Gap{ID: "g3", Kind: gaps.KindSearch, Locale: "fr", Query: "échec du paiement",
			Variants: []gaps.Variant{{Query: "échec du paiement", Searches: 4}}},
			file: "drafts/echec-du-paiement.fr.md"},
		{g: gaps.Gap{ID: "g4", Kind: gaps.UnlinkedTicket, Locale: "en", Query: "invoice address wrong", Searches: 12,
			Variants: []gaps.Variant{{Query: "invoice address wrong", Searches: 12}}},
			file: "drafts/invoice-address-wrong.md"},
		{g: gaps.Gap{ID: "g5", Kind: gaps.NoHelp, Locale: "en", Key: "settings.billing", Searches: 30, Visitors: 11},
			file: "drafts/help-settings-billing.md"},
		// A screen is named by the spelling most of its openings had, as
		// the report shows it, not by the first one seen.
		{g: gaps.Gap{ID: "g6", Kind: gaps.NoHelp, Locale: "en", Key: "Trash", Query: "trash", Searches: 4, Visitors: 4,
			Variants: []gaps.Variant{{Query: "trash", Searches: 2}, {Query: "Trash", Searches: 1}, {Query: "TRASH", Searches: 1}}},
			file: "drafts/help-trash.md"},
		// "&", "<" and ">" as typed: the writer edits the draft.
		{g: gaps.Gap{ID: "g9", Kind: gaps.KindSearch, Locale: "en", Query: "E 33 & no <umbrella>",
			Variants: []gaps.Variant{{Query: "E 33 & no <umbrella>", Searches: 2}}},
			file: "drafts/e-33-no-umbrella.md"},
		{g: gaps.Gap{ID: "abc123", Kind: gaps.KindSearch, Locale: "en", Query: "???",
			Variants: []gaps.Variant{{Query: "???", Searches: 1}}},
			file: "drafts/gap-abc123.md"},
	} {
		rel, err := gaps.WriteStub(dir, "drafts", gaps.DraftSite{DefaultLocale: "en"}, c.g)
		if err != nil {
			t.Fatalf("gap %s: %v", c.g.ID, err)
		}
		if rel != c.file {
			t.Errorf("gap %s written to %s, want %s", c.g.ID, rel, c.file)
		}
	}
	// The draft says where its visitors went instead, and what their
	// searches showed first, in a comment that an article ID cannot end.
	if b, err := os.ReadFile(filepath.Join(dir, "drafts/cancel-subscription.md")); err != nil ||
		!strings.Contains(string(b), "7 people searched it and found nothing") || !strings.Contains(string(b), "3 of them opened billing/plans next") ||
		!strings.Contains(string(b), "1 of them was shown billing/refunds first and did not open it") ||
		strings.Count(string(b), "-->") != 1 {
		t.Errorf("cancel-subscription draft: %v\n%s", err, b)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "drafts/e-33-no-umbrella.md")); !strings.Contains(string(b), `title: "E 33 & no <umbrella>"`) {
		t.Errorf("draft of E 33 & no <umbrella>: %s", b)
	}
	lib := loadContent(t, dir)
	for _, p := range lib.Problems {
		if p.Severity == site.SeverityError {
			t.Errorf("a draft does not load cleanly: %s", p)
		}
	}
	byPath := map[string]*site.Article{}
	for _, a := range lib.Articles {
		byPath[a.SourcePath] = a
	}
	for _, want := range []struct {
		file, title, locale string
		keywords, contexts  []string
	}{
		{"drafts/cancel-subscription.md", "Cancel subscription", "en", []string{"cancel subscription", "how to cancel my plan"}, nil},
		{"drafts/error-quota-exceeded-again-x.md", `Error: "quota" exceeded # again --- [x]`, "en", []string{`error: "quota" exceeded # again --- [x]`, "- yes: no"}, nil},
		{"drafts/echec-du-paiement.fr.md", "Échec du paiement", "fr", []string{"échec du paiement"}, nil},
		{"drafts/invoice-address-wrong.md", "Invoice address wrong", "en", []string{"invoice address wrong"}, nil},
		{"drafts/help-settings-billing.md", "Help for settings.billing", "en", nil, []string{"settings.billing"}},
		{"drafts/help-trash.md", "Help for trash", "en", nil, []string{"trash"}},
		{"drafts/gap-abc123.md", "???", "en", []string{"???"}, nil},
	} {
		a := byPath[want.file]
		if a == nil {
			t.Errorf("%s did not load", want.file)
			continue
		}
		if !a.Draft || a.Title != want.title || a.Locale != want.locale {
			t.Errorf("%s: draft %v, title %q, locale %q; want a draft titled %q in %s", want.file, a.Draft, a.Title, a.Locale, want.title, want.locale)
		}
		if want.keywords != nil && !slices.Equal(a.Keywords, want.keywords) {
			t.Errorf("%s: keywords %q, want %q", want.file, a.Keywords, want.keywords)
		}
		if want.keywords != nil && (len(a.SearchTests) != 1 || a.SearchTests[0] != want.keywords[0]) {
			t.Errorf("%s: search tests %q, want the gap's query", want.file, a.SearchTests)
		}
		if want.contexts != nil && !slices.Equal(a.Contexts, want.contexts) {
			t.Errorf("%s: contexts %q, want %q", want.file, a.Contexts, want.contexts)
		}
	}
	// The draft of an answered gap, asked by ID, names the article that
	// answers it, for the writer who opens the draft later.
	at := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	answered := gaps.Gap{ID: "g7", Kind: gaps.KindSearch, Locale: "en", Query: "handwriting recognition", Visitors: 3, NoResults: 3,
		Variants: []gaps.Variant{{Query: "handwriting recognition", Searches: 3}}, AnsweredAt: &at, AnsweredBy: "notes/handwriting"}
	screen := gaps.Gap{ID: "g8", Kind: gaps.NoHelp, Locale: "en", Key: "trash", Query: "trash", Searches: 2, Visitors: 2, AnsweredAt: &at, AnsweredBy: "notes/trash"}
	for _, g := range []gaps.Gap{answered, screen} {
		rel, err := gaps.WriteStub(dir, "answered", gaps.DraftSite{DefaultLocale: "en"}, g)
		b, _ := os.ReadFile(filepath.Join(dir, rel))
		if want := "Since 2026-12-02, " + g.AnsweredBy + " answers it: read it first."; err != nil || !strings.Contains(string(b), want) {
			t.Errorf("answered gap %s: %v\n%s\nwant %q", g.ID, err, b, want)
		}
	}
	// A draft is never published, so the site does not change.
	if v := site.NewView(lib, time.Now(), false); len(v.ByLocale["en"]) != 0 {
		t.Errorf("drafts are published: %d articles", len(v.ByLocale["en"]))
	}
}

// TestWriteStubRefuses: an existing draft is never overwritten, and no
// folder outside the content folder is written.
func TestWriteStubRefuses(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "content")
	os.MkdirAll(dir, 0o755)
	g := gaps.Gap{ID: "g1", Kind: gaps.KindSearch, Locale: "en", Query: "reset password",
		Variants: []gaps.Variant{{Query: "reset password", Searches: 1}}}
	if _, err := gaps.WriteStub(dir, "account", gaps.DraftSite{DefaultLocale: "en"}, g); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "account", "reset-password.md"))
	g.Query = "Reset password"
	if _, err := gaps.WriteStub(dir, "account", gaps.DraftSite{DefaultLocale: "en"}, g); err == nil || !strings.Contains(err.Error(), "account/reset-password.md") ||
		!strings.Contains(err.Error(), "draft is already there and is kept") || strings.Contains(err.Error(), "openat") || strings.Contains(err.Error(), "file already exists") || !errors.Is(err, fs.ErrExist) {
		t.Errorf("second draft of one query: %v, want an error naming the file and saying it is kept, in words", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "account", "reset-password.md"))
	if !bytes.Equal(before, after) {
		t.Error("an existing draft was overwritten")
	}
	// Another gap worded alike (a ticket topic, "Reset password"): its own
	// draft, numbered; then kept as the first is.
	topic := gaps.Gap{ID: "t1", Kind: gaps.UnlinkedTicket, Locale: "en", Query: "Reset password", Searches: 2,
		Variants: []gaps.Variant{{Query: "Reset password", Searches: 2}}}
	if rel, err := gaps.WriteStub(dir, "account", gaps.DraftSite{DefaultLocale: "en"}, topic); err != nil || rel != "account/reset-password-2.md" {
		t.Errorf("a ticket topic worded as a search gap: %q, %v; want account/reset-password-2.md", rel, err)
	}
	if _, err := gaps.WriteStub(dir, "account", gaps.DraftSite{DefaultLocale: "en"}, topic); !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), "account/reset-password-2.md") {
		t.Errorf("the ticket topic's draft again: %v, want it kept", err)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "account", "reset-password.md")); !bytes.Equal(before, after) {
		t.Error("the search gap's draft was overwritten")
	}
	// A folder leaving the content folder, or none, is refused, not
	// moved somewhere the writer did not ask for; ".." inside it is fine.
	inside := gaps.Gap{ID: "g3", Kind: gaps.KindSearch, Locale: "en", Query: "reset password",
		Variants: []gaps.Variant{{Query: "reset password", Searches: 1}}}
	if rel, err := gaps.WriteStub(dir, "new/../inside", gaps.DraftSite{DefaultLocale: "en"}, inside); err != nil || rel != "inside/reset-password.md" {
		t.Errorf("folder new/../inside: %q, %v", rel, err)
	}
	if _, err := os.Stat(filepath.Join(base, "outside")); !os.IsNotExist(err) {
		t.Errorf("a folder was written outside the content folder: %v", err)
	}
	for _, folder := range []string{"", "/", ".", `\`, "../../outside", "..", "/tmp/x", `..\x`, "a/../../x"} {
		if _, err := gaps.WriteStub(dir, folder, gaps.DraftSite{DefaultLocale: "en"}, g); err == nil || !strings.Contains(err.Error(), "folder inside the content folder") {
			t.Errorf("folder %q: %v", folder, err)
		}
	}
	// An absolute folder inside the content folder is that folder, as
	// a shell's completion writes it; the content folder itself is not.
	abs := gaps.Gap{ID: "g4", Kind: gaps.KindSearch, Locale: "en", Query: "export notes",
		Variants: []gaps.Variant{{Query: "export notes", Searches: 1}}}
	if rel, err := gaps.WriteStub(dir, filepath.Join(dir, "drafts"), gaps.DraftSite{DefaultLocale: "en"}, abs); err != nil || rel != "drafts/export-notes.md" {
		t.Errorf("folder %s: %q, %v; want drafts/export-notes.md", filepath.Join(dir, "drafts"), rel, err)
	}
	if _, err := gaps.WriteStub(dir, dir, gaps.DraftSite{DefaultLocale: "en"}, abs); err == nil || !strings.Contains(err.Error(), "folder inside the content folder") {
		t.Errorf("folder %s (the content folder): %v", dir, err)
	}
	// A symbolic link out of the content folder is not followed.
	os.MkdirAll(filepath.Join(base, "elsewhere"), 0o755)
	if err := os.Symlink(filepath.Join(base, "elsewhere"), filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if _, err := gaps.WriteStub(dir, "link", gaps.DraftSite{DefaultLocale: "en"}, g); err == nil {
		t.Error("a draft was written through a symbolic link out of the content folder")
	}
	if entries, _ := os.ReadDir(filepath.Join(base, "elsewhere")); len(entries) != 0 {
		t.Errorf("written outside: %v", entries)
	}

	var out, errOut bytes.Buffer
	list := []gaps.Gap{g, {ID: "g2", Kind: gaps.KindSearch, Locale: "en", Query: "change email", Visitors: 3,
		Variants: []gaps.Variant{{Query: "change email", Searches: 3}}}}
	if kept, ok := gaps.WriteStubs(dir, "account", gaps.DraftSite{DefaultLocale: "en"}, list, &out, &errOut); kept != 1 || !ok {
		t.Errorf("WriteStubs: %d kept, ok %v; want the existing draft kept and no failure", kept, ok)
	}
	if out.String() != "account/change-email.md: draft for \"change email\" (3 visitors)\n" ||
		!strings.Contains(errOut.String(), "guichet: write draft account/reset-password.md") {
		t.Errorf("out %q, errOut %q", out.String(), errOut.String())
	}
	// guichet gaps --stub --folder ../x: said once, nothing written.
	out.Reset()
	errOut.Reset()
	if _, ok := gaps.WriteStubs(dir, "../x", gaps.DraftSite{DefaultLocale: "en"}, list, &out, &errOut); ok || out.Len() != 0 ||
		strings.Count(errOut.String(), "\n") != 1 || !strings.Contains(errOut.String(), `folder "../x": want a folder inside the content folder`) {
		t.Errorf("WriteStubs to ../x: out %q, errOut %q", out.String(), errOut.String())
	}
}

// TestWriteStubCounts: the comment of a draft counts in words that agree
// with their number ("1 search", not "1 searches"), names what the second
// count counts, and points at the keywords where they are, above it.
func TestWriteStubCounts(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		g            gaps.Gap
		file         string
		want, refuse []string
	}{
		{g: gaps.Gap{ID: "c1", Kind: gaps.KindSearch, Locale: "en", Query: "heat pump", Visitors: 10, NoResults: 1, NoClick: 10, NoResultsVisitors: 1, NoClickVisitors: 10,
			Variants:     []gaps.Variant{{Query: "heat pump", Searches: 11}},
			FoundInstead: []gaps.Found{{Article: "thermostat/schedule", Visitors: 2}}},
			file:   "drafts/heat-pump.md",
			want:   []string{"10 people searched it: 1 found nothing, 10 opened none of the results (1 did both)", "add the keywords above to it"},
			refuse: []string{"1 searches", "keywords below"}},
		{g: gaps.Gap{ID: "c2", Kind: gaps.KindSearch, Locale: "en", Query: "ev charger", Visitors: 1, NoResults: 0, NoClick: 1, NoClickVisitors: 1,
			Variants: []gaps.Variant{{Query: "ev charger", Searches: 1}}},
			file:   "drafts/ev-charger.md",
			want:   []string{"1 person searched it and opened none of the results"},
			refuse: []string{"1 searches"}},
		{g: gaps.Gap{ID: "c3", Kind: gaps.NoHelp, Locale: "en", Key: "/battery/overview", Searches: 1, Visitors: 1},
			file:   "drafts/help-battery-overview.md",
			want:   []string{"the help widget opened 1 time on this screen (1 visitor)"},
			refuse: []string{"1 times", "1 visitors"}},
	} {
		rel, err := gaps.WriteStub(dir, "drafts", gaps.DraftSite{DefaultLocale: "en"}, c.g)
		if err != nil || rel != c.file {
			t.Fatalf("gap %s written to %q (%v), want %s", c.g.ID, rel, err, c.file)
		}
		b, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range c.want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s does not say %q:\n%s", rel, w, b)
			}
		}
		for _, r := range c.refuse {
			if strings.Contains(string(b), r) {
				t.Errorf("%s says %q:\n%s", rel, r, b)
			}
		}
	}
}

// TestWriteStubFindsItsDraftAnywhere: a gap's draft the writer moved into
// a category and renamed, or whose gap's most used phrasing changed since,
// is still its draft: a second run of gaps --stub does not write another.
func TestWriteStubFindsItsDraftAnywhere(t *testing.T) {
	dir := t.TempDir()
	g := gaps.Gap{ID: "a1b2c3d4e5f6", Kind: gaps.KindSearch, Locale: "en", Query: "cancel my plan", Visitors: 4,
		Variants: []gaps.Variant{{Query: "cancel my plan", Searches: 4}}}
	rel, err := gaps.WriteStub(dir, "drafts", gaps.DraftSite{DefaultLocale: "en"}, g)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "billing"), 0o755)
	if err := os.Rename(filepath.Join(dir, rel), filepath.Join(dir, "billing", "cancel-subscription.md")); err != nil {
		t.Fatal(err)
	}
	g.Query = "cancel subscription" // more people typed this since
	g.Variants = append(g.Variants, gaps.Variant{Query: "cancel subscription", Searches: 6})
	for _, folder := range []string{"drafts", "billing"} {
		if rel, err := gaps.WriteStub(dir, folder, gaps.DraftSite{DefaultLocale: "en"}, g); !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), "billing/cancel-subscription.md") || !strings.Contains(err.Error(), "draft is already") {
			t.Errorf("folder %s: %q, %v; want the moved draft named and nothing written", folder, rel, err)
		}
	}
	var out, errOut bytes.Buffer
	other := gaps.Gap{ID: "0f0f0f0f0f0f", Kind: gaps.KindSearch, Locale: "en", Query: "pause my plan", Visitors: 2,
		Variants: []gaps.Variant{{Query: "pause my plan", Searches: 2}}}
	if kept, ok := gaps.WriteStubs(dir, "drafts", gaps.DraftSite{DefaultLocale: "en"}, []gaps.Gap{g, other}, &out, &errOut); kept != 1 || !ok ||
		out.String() != "drafts/pause-my-plan.md: draft for \"pause my plan\" (2 visitors)\n" || !strings.Contains(errOut.String(), "billing/cancel-subscription.md") {
		t.Errorf("WriteStubs: kept %d, ok %v, out %q, errOut %q; want the moved draft kept and the other written", kept, ok, out.String(), errOut.String())
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "drafts"))
	if len(entries) != 1 {
		t.Errorf("drafts/ holds %d files, want only pause-my-plan.md", len(entries))
	}
	// Parked in a folder the content never reads ("_drafts"), it is no
	// draft of the gap: the next run writes one that can be published.
	os.MkdirAll(filepath.Join(dir, "_drafts"), 0o755)
	if err := os.Rename(filepath.Join(dir, "billing", "cancel-subscription.md"), filepath.Join(dir, "_drafts", "cancel-subscription.md")); err != nil {
		t.Fatal(err)
	}
	if rel, err := gaps.WriteStub(dir, "billing", gaps.DraftSite{DefaultLocale: "en"}, g); err != nil || rel != "billing/cancel-subscription.md" {
		t.Errorf("draft parked in _drafts: %q, %v; want a new draft", rel, err)
	}
}

// TestNoSubjectGetsNoDraft: the gap of tickets that said nothing ("(no
// subject)") is listed for the team to read, but no article can answer
// it: it wants none, gaps --stub skips it and gaps stub ID says why.
func TestNoSubjectGetsNoDraft(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var records []gaps.Record
	for i, subject := range []string{gaps.NoSubject, gaps.NoSubject, gaps.NoSubject, "change the subject of invoice emails", "invoice email subject line"} {
		records = append(records, gaps.Record{Query: subject, Locale: "en", Source: "zendesk", Kind: gaps.UnlinkedTicket,
			Visitor: fmt.Sprint("t", i), Time: at.Add(time.Duration(i) * time.Hour)})
	}
	rep := gaps.Group(records, nil, nil, gaps.Options{Now: at.Add(48 * time.Hour), MinVisitors: 1})
	var none gaps.Gap
	for _, g := range rep.Gaps {
		if g.Query == gaps.NoSubject {
			none = g
		}
	}
	if none.ID == "" || len(none.Variants) != 1 || none.Searches != 3 {
		t.Fatalf("gaps %+v, want the three tickets with no subject as one gap of their own", rep.Gaps)
	}
	for _, g := range rep.WantingArticles() {
		if g.ID == none.ID {
			t.Error("the (no subject) gap wants an article")
		}
	}
	if len(rep.WantingArticles()) != len(rep.Gaps)-1 {
		t.Errorf("%d of %d gaps want an article, want all but (no subject)", len(rep.WantingArticles()), len(rep.Gaps))
	}
	dir := t.TempDir()
	if rel, err := gaps.WriteStub(dir, "drafts", gaps.DraftSite{DefaultLocale: "en"}, none); err == nil || site.ErrorCode(err) != site.EINVALID || !strings.Contains(err.Error(), "no article can answer") {
		t.Errorf("stub of (no subject): %q, %v; want EINVALID saying why", rel, err)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "drafts")); len(entries) != 0 {
		t.Errorf("a draft was written: %v", entries)
	}
	// On the terminal, why in words, without the error's code: "guichet:
	// invalid: write draft: gap …" read as if "invalid" were the fault
	// (newcomer rv26a).
	var out, errOut strings.Builder
	if _, ok := gaps.WriteStubs(dir, "drafts", gaps.DraftSite{DefaultLocale: "en"}, []gaps.Gap{none}, &out, &errOut); ok {
		t.Error("WriteStubs of (no subject) says every draft was written")
	}
	if got := errOut.String(); !strings.HasPrefix(got, "guichet: write draft: gap "+none.ID) || strings.Contains(got, site.EINVALID+":") {
		t.Errorf("WriteStubs of (no subject) said %q, want \"guichet: write draft: gap %s …\" without the error's code", got, none.ID)
	}
}

// TestWriteStubFolderNotRead: a draft is never written into a folder whose
// files the content never reads as articles (_drafts, as Jekyll names its
// drafts' folder, .hidden, includes, snippets): its writer would publish it
// by removing draft: true and see nothing.
func TestWriteStubFolderNotRead(t *testing.T) {
	dir := t.TempDir()
	g := gaps.Gap{ID: "f1", Kind: gaps.KindSearch, Locale: "en", Query: "bulb flickering", Visitors: 3,
		Variants: []gaps.Variant{{Query: "bulb flickering", Searches: 3}}}
	for _, folder := range []string{"_drafts", ".drafts", "guides/includes", "Snippets/x", "a/_b", "node_modules"} {
		var out, errOut bytes.Buffer
		if _, ok := gaps.WriteStubs(dir, folder, gaps.DraftSite{DefaultLocale: "en"}, []gaps.Gap{g}, &out, &errOut); ok || out.Len() != 0 ||
			!strings.Contains(errOut.String(), "never reads") {
			t.Errorf("WriteStubs to %q: ok %v, out %q, errOut %q; want it refused", folder, ok, out.String(), errOut.String())
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("written: %v", entries)
	}
	var out, errOut bytes.Buffer
	if _, ok := gaps.WriteStubs(dir, "lights/_x_", gaps.DraftSite{DefaultLocale: "en"}, []gaps.Gap{g}, &out, &errOut); ok {
		t.Errorf("lights/_x_: want refused")
	}
	if _, ok := gaps.WriteStubs(dir, "lights/drafts_", gaps.DraftSite{DefaultLocale: "en"}, []gaps.Gap{g}, &out, &errOut); !ok || out.String() != "lights/drafts_/bulb-flickering.md: draft for \"bulb flickering\" (3 visitors)\n" {
		t.Errorf("lights/drafts_: out %q, errOut %q", out.String(), errOut.String())
	}
}

// TestStubOfAnsweredGapSaysSo: a draft asked by ID for a gap an article
// already answers is written, and the writer is told which article.
func TestStubOfAnsweredGapSaysSo(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	g := gaps.Gap{ID: "a1a1a1a1a1a1", Kind: gaps.KindSearch, Locale: "en", Query: "bulb flickering", Visitors: 3,
		Variants: []gaps.Variant{{Query: "bulb flickering", Searches: 3}}, AnsweredAt: &at, AnsweredBy: "lights/flickering"}
	var out, errOut bytes.Buffer
	if kept, ok := gaps.WriteStubs(dir, "drafts", gaps.DraftSite{DefaultLocale: "en"}, []gaps.Gap{g}, &out, &errOut); kept != 0 || !ok || !strings.Contains(out.String(), "drafts/bulb-flickering.md") {
		t.Fatalf("WriteStubs: kept %d, ok %v, out %q", kept, ok, out.String())
	}
	if !strings.Contains(errOut.String(), "answered by lights/flickering since 2026-11-20") {
		t.Errorf("errOut %q, want a note naming the article that answers the gap", errOut.String())
	}
}

// TestWriteStubGermanUmlauts: a German gap's draft is named with the
// spellings German uses for its umlauts where they cannot be written:
// "Heizkörper entlüften" was drafted as heizkorper-entluften.md, a URL
// that reads as a misspelling (a newcomer, rv23f); French accents are
// still left out ("échec" is echec).
func TestWriteStubGermanUmlauts(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		def  string
		g    gaps.Gap
		file string
	}{
		{"de", gaps.Gap{ID: "d1", Kind: gaps.KindSearch, Locale: "de", Query: "Heizkörper entlüften",
			Variants: []gaps.Variant{{Query: "Heizkörper entlüften", Searches: 2}}}, "drafts/heizkoerper-entlueften.md"},
		{"en", gaps.Gap{ID: "d2", Kind: gaps.UnlinkedTicket, Locale: "de-AT", Query: "Äpfel und Fußbodenheizung",
			Variants: []gaps.Variant{{Query: "Äpfel und Fußbodenheizung", Searches: 1}}}, "drafts/aepfel-und-fussbodenheizung.de-AT.md"},
		{"de", gaps.Gap{ID: "d3", Kind: gaps.KindSearch, Locale: "fr", Query: "échec du paiement",
			Variants: []gaps.Variant{{Query: "échec du paiement", Searches: 4}}}, "drafts/echec-du-paiement.fr.md"},
	} {
		rel, err := gaps.WriteStub(dir, "drafts", gaps.DraftSite{DefaultLocale: c.def}, c.g)
		if err != nil {
			t.Fatalf("gap %s: %v", c.g.ID, err)
		}
		if rel != c.file {
			t.Errorf("gap %s written to %s, want %s", c.g.ID, rel, c.file)
		}
	}
}
