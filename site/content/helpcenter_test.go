package content

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// helpCenter is a small bilingual help center exercising most features.
func helpCenter() map[string]string {
	return map[string]string{
		"guichet.yaml": "title: Acme Help\nbase_url: https://help.acme.test/\n",
		"synonyms.yaml": "en:\n  - [Refund, money back, reimbursement]\n" +
			"fr:\n  - [remboursement, rembourser]\n",
		"redirects.yaml":       "/old-refund: /billing/refund\nhttps://help.acme.test/legacy: gone\nremoved:\n",
		"billing/_index.md":    "---\ntitle: Billing\ndescription: Payments and invoices.\nweight: 2\n---\nAll about **money**.\n",
		"billing/_index.fr.md": "---\ntitle: Facturation\n---\n",
		"billing/refund.md": `---
title: How do I get a refund?
tags: [billing, money]
keywords: reimbursement
faq: pinned
weight: 1
aliases: [/old/refund, "https://old.acme.test/help/refunds?x=1"]
search_tests: get my money back
---
# How do I get a refund?

Refunds take **five days**. Ask for one from the [billing page](../account/profile.md).

## Fees

Some fees are not refunded. See [invoices](invoices/download.md#download-a-pdf) and [billing](_index.md).

![Refund form](img/form.png)
`,
		"billing/refund.fr.md": `---
title: Comment obtenir un remboursement ?
---
Les remboursements prennent cinq jours. Voir le [profil](../account/profile.md) et les [frais](refund.md#fees).

> [!WARNING]
> Les frais ne sont pas remboursés.

## Frais {#fees}

Certains frais ne sont pas remboursés.
`,
		"billing/img/form.png": "PNG",
		"billing/invoices/download.md": `---
title: Download an invoice
description: Get a PDF of any invoice.
draft: true
---
## Download a PDF

Click **Download**.
`,
		"billing/invoices/schedule.md":     "---\ntitle: Scheduled\npublish_at: 2030-01-02 09:30\nupdated: 2024-05-06\n---\nSoon.\n",
		"account/profile.md":               "---\ntitle: Edit your profile\n---\nChange your name. Then save.\n",
		"office-and-more/outlook/sync.md":  "---\ntitle: Calendar sync\nslug: calendar-sync\nms.topic: how-to\n---\n# Symptoms on phones\n\nText.\n",
		".hidden/secret.md":                "---\ntitle: Secret\n---\n",
		"node_modules/pkg/readme.md":       "---\ntitle: Pkg\n---\n",
		"_drafts/idea.md":                  "---\ntitle: Idea\n---\n",
		"account/README.md":                "# About this folder\n",
		"billing/invoices/notes.js.md.txt": "not markdown",
	}
}

func TestLoadHelpCenter(t *testing.T) {
	lib := load(t, helpCenter())

	t.Run("config", func(t *testing.T) {
		c := lib.Config
		if c.Title != "Acme Help" || c.BaseURL != "https://help.acme.test" || c.DefaultLocale != "en" {
			t.Errorf("config = %+v", c)
		}
		if !reflect.DeepEqual(c.Locales, []string{"en", "fr"}) {
			t.Errorf("locales = %v, want [en fr] (found in file names)", c.Locales)
		}
	})

	t.Run("articles sorted, hidden and underscore folders skipped", func(t *testing.T) {
		var got []string
		for _, a := range lib.Articles {
			got = append(got, a.SourcePath)
		}
		want := []string{
			"account/profile.md", "billing/invoices/download.md", "billing/invoices/schedule.md",
			"billing/refund.fr.md", "billing/refund.md", "office-and-more/outlook/sync.md",
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("articles = %v\nwant %v", got, want)
		}
	})

	t.Run("article fields", func(t *testing.T) {
		a := article(t, lib, "billing/refund.md")
		checks := []struct {
			name      string
			got, want any
		}{
			{"ID", a.ID, "billing/refund"},
			{"Locale", a.Locale, "en"},
			{"Slug", a.Slug, "refund"},
			{"URL", a.URL, "/billing/refund"},
			{"CategoryID", a.CategoryID, "billing"},
			{"SectionID", a.SectionID, "billing"},
			{"Tags", a.Tags, []string{"billing", "money"}},
			{"Keywords", a.Keywords, []string{"reimbursement"}},
			{"SearchTests", a.SearchTests, []string{"get my money back"}},
			{"FAQ", a.FAQ, site.FAQPinned},
			{"Weight", a.Weight, 1},
			{"Aliases", a.Aliases, []string{"/old/refund", "/help/refunds?x=1"}},
			{"Description", a.Description, "Refunds take five days."},
			{"Updated", a.Updated, modTime},
			{"TOC", a.TOC, []site.Heading{{Level: 2, ID: "fees", Text: "Fees"}}},
		}
		for _, c := range checks {
			if !reflect.DeepEqual(c.got, c.want) {
				t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
			}
		}
		if strings.Contains(string(a.HTML), "<h1") || strings.Contains(string(a.HTML), "How do I get a refund") {
			t.Errorf("leading h1 equal to the title not dropped:\n%s", a.HTML)
		}
		if len(a.Sections) != 2 || a.Sections[0].Heading.ID != "" || a.Sections[1].Heading.ID != "fees" ||
			!strings.Contains(a.Sections[1].Text, "Some fees are not refunded.") {
			t.Errorf("sections = %#v", a.Sections)
		}
		if !strings.HasPrefix(a.Text, "Refunds take five days.") {
			t.Errorf("text = %q", a.Text)
		}
	})

	t.Run("links rewritten", func(t *testing.T) {
		en := string(article(t, lib, "billing/refund.md").HTML)
		fr := string(article(t, lib, "billing/refund.fr.md").HTML)
		for _, c := range []struct{ html, want string }{
			{en, `href="/account/profile"`},
			{en, `href="/billing/invoices/download#download-a-pdf"`},
			{en, `href="/billing/"`},
			{en, `src="/_content/billing/img/form.png"`},
			{en, `loading="lazy" decoding="async"`},
			// No French profile: the default-locale article.
			{fr, `href="/account/profile"`},
			// A French translation exists: link to it.
			{fr, `href="/fr/billing/refund#fees"`},
			{fr, `<div class="callout callout-warning" role="note"><p class="callout-title">Avertissement</p>`},
		} {
			if !strings.Contains(c.html, c.want) {
				t.Errorf("missing %s in\n%s", c.want, c.html)
			}
		}
	})

	t.Run("translation", func(t *testing.T) {
		a := article(t, lib, "billing/refund.fr.md")
		if a.ID != "billing/refund" || a.Locale != "fr" || a.URL != "/fr/billing/refund" || a.Slug != "refund" {
			t.Errorf("fr = id %q locale %q url %q slug %q", a.ID, a.Locale, a.URL, a.Slug)
		}
		if want := []site.Heading{{Level: 2, ID: "fees", Text: "Frais"}}; !reflect.DeepEqual(a.TOC, want) {
			t.Errorf("fr TOC = %v, want explicit id %v", a.TOC, want)
		}
		if a.FAQ != site.FAQPinned || a.Weight != 1 || a.Tags != nil {
			t.Errorf("fr faq %q weight %d tags %v: want faq and weight inherited, tags not", a.FAQ, a.Weight, a.Tags)
		}
		if a.Description != "Les remboursements prennent cinq jours." {
			t.Errorf("fr description = %q", a.Description)
		}
	})

	t.Run("drafts and scheduled kept with flags", func(t *testing.T) {
		d := article(t, lib, "billing/invoices/download.md")
		if !d.Draft || d.Visible(time.Now(), false) || !d.Visible(time.Now(), true) {
			t.Errorf("draft = %v, visible %v", d.Draft, d.Visible(time.Now(), false))
		}
		s := article(t, lib, "billing/invoices/schedule.md")
		if want := time.Date(2030, 1, 2, 9, 30, 0, 0, time.UTC); !s.PublishAt.Equal(want) {
			t.Errorf("publish_at = %v, want %v", s.PublishAt, want)
		}
		if want := time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC); !s.Updated.Equal(want) {
			t.Errorf("updated = %v, want %v", s.Updated, want)
		}
	})

	t.Run("nested section and folder without _index.md", func(t *testing.T) {
		a := article(t, lib, "office-and-more/outlook/sync.md")
		if a.URL != "/office-and-more/outlook/calendar-sync" || a.CategoryID != "office-and-more" ||
			a.SectionID != "office-and-more/outlook" || a.ID != "office-and-more/outlook/sync" {
			t.Errorf("nested = url %q cat %q section %q id %q", a.URL, a.CategoryID, a.SectionID, a.ID)
		}
		if a.Extra["ms.topic"] != "how-to" {
			t.Errorf("extra = %v", a.Extra)
		}
		if !strings.Contains(string(a.HTML), `<h2 id="symptoms-on-phones">Symptoms on phones</h2>`) {
			t.Errorf("a different h1 must become h2:\n%s", a.HTML)
		}
	})

	t.Run("categories", func(t *testing.T) {
		var got []string
		for _, c := range lib.Categories {
			got = append(got, c.ID+"|"+c.Locale+"|"+c.URL+"|"+c.Title+"|"+c.Lang+"|"+c.ParentID)
		}
		// A locale without its own _index title shows the default
		// locale's (or the folder's name), and says so (Lang).
		want := []string{
			"account|en|/account/|Account|en|",
			"account|fr|/fr/account/|Account|en|",
			"billing|en|/billing/|Billing|en|",
			"billing|fr|/fr/billing/|Facturation|fr|",
			"billing/invoices|en|/billing/invoices/|Invoices|en|billing",
			"billing/invoices|fr|/fr/billing/invoices/|Invoices|en|billing",
			"office-and-more|en|/office-and-more/|Office and more|en|",
			"office-and-more|fr|/fr/office-and-more/|Office and more|en|",
			"office-and-more/outlook|en|/office-and-more/outlook/|Outlook|en|office-and-more",
			"office-and-more/outlook|fr|/fr/office-and-more/outlook/|Outlook|en|office-and-more",
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("categories:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		b := lib.Categories[2]
		if b.Description != "Payments and invoices." || b.Weight != 2 || b.SourcePath != "billing/_index.md" ||
			!strings.Contains(string(b.HTML), "<strong>money</strong>") {
			t.Errorf("billing = %+v", b)
		}
		// Its translation without a weight of its own keeps its place:
		// /fr/ listed the categories in another order than /.
		if fr := lib.Categories[3]; fr.SourcePath != "billing/_index.fr.md" || fr.Weight != 2 {
			t.Errorf("billing fr = %+v", fr)
		}
	})

	t.Run("synonyms and redirects", func(t *testing.T) {
		wantSyn := map[string][][]string{
			"en": {{"refund", "money back", "reimbursement"}},
			"fr": {{"remboursement", "rembourser"}},
		}
		if !reflect.DeepEqual(lib.Synonyms, wantSyn) {
			t.Errorf("synonyms = %v", lib.Synonyms)
		}
		wantRed := []site.Redirect{{From: "/old-refund", To: "/billing/refund"}, {From: "/legacy"}, {From: "/removed"}}
		if !reflect.DeepEqual(lib.Redirects, wantRed) {
			t.Errorf("redirects = %v", lib.Redirects)
		}
	})

	t.Run("problems sorted, no errors", func(t *testing.T) {
		if lib.HasErrors() {
			t.Errorf("unexpected errors: %v", lib.Problems)
		}
		if !sort.SliceIsSorted(lib.Problems, func(i, j int) bool {
			a, b := lib.Problems[i], lib.Problems[j]
			return a.File < b.File || a.File == b.File && a.Line < b.Line
		}) {
			t.Errorf("problems not sorted: %v", lib.Problems)
		}
		if !findProblem(lib, want{site.SeverityWarning, "office-and-more/outlook/sync.md", 4, "ms.topic", "unknown field"}) {
			t.Errorf("no warning for ms.topic: %v", lib.Problems)
		}
	})
}

func TestLoadDefaults(t *testing.T) {
	lib := load(t, map[string]string{"billing/a.md": "---\ntitle: A\n---\n" + strings.Repeat("word ", 60) + "end.\n"})
	c := lib.Config
	if c.Title != "Help Center" || c.DefaultLocale != "en" || c.BaseURL != "http://localhost:8080" || !reflect.DeepEqual(c.Locales, []string{"en"}) {
		t.Errorf("defaults = %+v", c)
	}
	d := lib.Articles[0].Description
	if len(d) > 160 || !strings.HasSuffix(d, "word…") {
		t.Errorf("description %q (%d bytes): want ≤ 160 cut at a word", d, len(d))
	}
}

func TestLoadConfiguredLocales(t *testing.T) {
	// With locales listed, other suffixes belong to the slug.
	lib := load(t, map[string]string{
		"guichet.yaml":   "default_locale: fr\nlocales: [fr, en]\n",
		"aide/a.md":      "---\ntitle: A\n---\n",
		"aide/a.en.md":   "---\ntitle: A en\n---\n",
		"aide/run.js.md": "---\ntitle: JS\n---\n",
		"aide/b.de.md":   "---\ntitle: B\n---\n",
	})
	got := map[string]string{}
	for _, a := range lib.Articles {
		got[a.SourcePath] = a.Locale + " " + a.URL
	}
	wantURLs := map[string]string{"aide/a.md": "fr /aide/a", "aide/a.en.md": "en /en/aide/a", "aide/run.js.md": "fr /aide/run.js", "aide/b.de.md": "fr /aide/b.de"}
	if !reflect.DeepEqual(got, wantURLs) {
		t.Errorf("got %v, want %v", got, wantURLs)
	}
	if !findProblem(lib, want{site.SeverityWarning, "aide/b.de.md", 0, "", `"de" is not one of the locales`}) {
		t.Errorf("no warning for the de suffix: %v", lib.Problems)
	}
	for _, p := range lib.Problems {
		if p.File == "aide/run.js.md" {
			t.Errorf("js is no language: %v", p)
		}
	}
}

// TestLoadLocaleCodes: file names and settings take locale codes as
// writers coming from other tools write them (Hugo's "pt-br", scripts,
// UN regions, any case), in BCP 47's casing; a three-letter language
// counts in a file name only when the site lists it ("new" and "old" are
// languages too).
func TestLoadLocaleCodes(t *testing.T) {
	for _, c := range []struct {
		name   string
		config string
		want   map[string]string // source → locale and URL
		locale []string
	}{
		{"no locales listed", "",
			map[string]string{"a.md": "en /help/a", "a.pt-br.md": "pt-BR /pt-BR/help/a", "a.zh-hans.md": "zh-Hans /zh-Hans/help/a",
				"a.FR.md": "fr /fr/help/a", "a.es-419.md": "es-419 /es-419/help/a", "a.fil.md": "en /help/a.fil", "a.new.md": "en /help/a.new"},
			[]string{"en", "es-419", "fr", "pt-BR", "zh-Hans"}},
		{"listed in any case", "locales: [EN, pt_br, fil, zh-HANS]\n",
			map[string]string{"a.md": "en /help/a", "a.pt-BR.md": "pt-BR /pt-BR/help/a", "a.ZH-Hans.md": "zh-Hans /zh-Hans/help/a",
				"a.fil.md": "fil /fil/help/a", "a.new.md": "en /help/a.new"},
			[]string{"en", "pt-BR", "fil", "zh-Hans"}},
	} {
		files := map[string]string{"guichet.yaml": "title: Help\n" + c.config}
		for src := range c.want {
			files["help/"+src] = "---\ntitle: A " + src + "\n---\nText.\n"
		}
		lib := load(t, files)
		got := map[string]string{}
		for _, a := range lib.Articles {
			got[strings.TrimPrefix(a.SourcePath, "help/")] = a.Locale + " " + a.URL
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
		if !reflect.DeepEqual(lib.Config.Locales, c.locale) {
			t.Errorf("%s: locales %v, want %v", c.name, lib.Config.Locales, c.locale)
		}
	}
}

func TestLoadHash(t *testing.T) {
	files := helpCenter()
	a, b := load(t, files), load(t, files)
	if a.Hash == "" || a.Hash != b.Hash {
		t.Fatalf("hash not deterministic: %q vs %q", a.Hash, b.Hash)
	}
	files["billing/refund.md"] += "\nOne more line.\n"
	if c := load(t, files); c.Hash == a.Hash {
		t.Error("hash unchanged after an edit")
	}
}

func TestLoadErrors(t *testing.T) {
	_, err := Load(context.Background(), os.DirFS("/does/not/exist"), Options{Dir: "/does/not/exist"})
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "/does/not/exist") {
		t.Errorf("missing root: err = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, mapFS(helpCenter()), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled: err = %v", err)
	}
}

func TestLoadModTimeWithoutGit(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(dir+"/billing", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/billing/a.md", []byte("---\ntitle: A\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := os.Chtimes(dir+"/billing/a.md", when, when); err != nil {
		t.Fatal(err)
	}
	lib, err := Load(context.Background(), os.DirFS(dir), Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if got := lib.Articles[0].Updated; !got.Equal(when) {
		t.Errorf("updated = %v, want mod time %v", got, when)
	}
}

func TestLoadEmpty(t *testing.T) {
	lib := load(t, map[string]string{})
	if len(lib.Articles) != 0 || len(lib.Categories) != 0 || lib.Config.Title != "Help Center" || lib.Hash == "" {
		t.Errorf("empty folder: %+v", lib)
	}
}

// TestLoadSameLocaleSpeltTwice: two files for one locale spelt two ways
// (a Hugo import's _index.pt-br.md next to a hand-written
// _index.pt-BR.md, i18n/pt-br.yaml next to i18n/pt_BR.yaml) are the same
// locale's: the first is used and the other is an error naming both, as
// for two articles with one ID, never one silently dropped.
func TestLoadSameLocaleSpeltTwice(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":            "title: Help\nlocales: [en, pt-br]\n",
		"billing/_index.md":       "---\ntitle: Billing\n---\n",
		"billing/_index.PT-BR.md": "---\ntitle: Cobrança\n---\n",
		"billing/_index.pt-br.md": "---\ntitle: Faturamento\n---\n",
		"billing/_index.en.md":    "---\ntitle: Billing twice\n---\n",
		"billing/refund.md":       "---\ntitle: Refund\n---\nText.\n",
		"i18n/pt-br.yaml":         "search_btn: Buscar\n",
		"i18n/pt_BR.yaml":         "search_btn: Pesquisar\nhelpful_q: Ajudou?\n",
	})
	titles := map[string]string{}
	for _, c := range lib.Categories {
		titles[c.Locale] = c.Title + " " + c.SourcePath
	}
	if want := map[string]string{"en": "Billing twice billing/_index.en.md", "pt-BR": "Cobrança billing/_index.PT-BR.md"}; !reflect.DeepEqual(titles, want) {
		t.Errorf("categories %v, want %v", titles, want)
	}
	for _, w := range []want{
		{site.SeverityError, "billing/_index.pt-br.md", 0, "", "billing/_index.PT-BR.md is already the category's pt-BR"},
		{site.SeverityError, "billing/_index.md", 0, "", "billing/_index.en.md is already the category's en"},
		{site.SeverityError, "i18n/pt_BR.yaml", 0, "", "i18n/pt-br.yaml already holds the strings of pt-BR"},
	} {
		if !findProblem(lib, w) {
			t.Errorf("no problem %+v in %v", w, lib.Problems)
		}
	}
	if got := lib.Strings["pt-BR"]["search_btn"]["other"]; got != "Buscar" {
		t.Errorf("pt-BR search_btn = %q, want the first file's", got)
	}
}

// TestTranslatedSettingSpeltTwice: a translated setting given twice for
// one locale spelt two ways ({pt-br: …, pt-BR: …}) keeps the first and
// says so on the second's line, rather than silently taking the last.
func TestTranslatedSettingSpeltTwice(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml": "title:\n  en: Help\n  pt-br: Ajuda\n  pt-BR: Central de ajuda\nlocales: [en, pt-BR]\n",
		"help/a.md":    "---\ntitle: A\n---\nText.\n",
	})
	if got := lib.Config.Translated["title"]["pt-BR"]; got != "Ajuda" {
		t.Errorf("pt-BR title = %q, want the first one written", got)
	}
	if !findProblem(lib, want{site.SeverityError, "guichet.yaml", 4, "title", `title: pt-BR is already set on line 3`}) {
		t.Errorf("no error for the second pt-BR title: %v", lib.Problems)
	}
}

// TestTranslationTakesGivenID: a translation without an id of its own
// takes the id its default-locale file sets in front matter, so both are
// one article in two languages (language links, FAQ, tickets), and
// inherits what that article sets; one with its own id keeps it, and an
// article with no default-locale file keeps its path.
func TestTranslationTakesGivenID(t *testing.T) {
	lib := load(t, map[string]string{
		"guichet.yaml":                    "default_locale: fr\nlocales: [fr, en]\n",
		"commandes/suivre-commande.md":    "---\ntitle: Où en est ma commande ?\nid: commandes/suivi\nfaq: true\nticket_tags: [suivi]\n---\n",
		"commandes/suivre-commande.en.md": "---\ntitle: Where is my order?\n---\n",
		"commandes/annuler.md":            "---\ntitle: Annuler\nid: commandes/annulation\n---\n",
		"commandes/annuler.en.md":         "---\ntitle: Cancel\nid: orders/cancel\n---\n",
		"commandes/retrait.md":            "---\ntitle: Retrait\n---\n",
		"commandes/retrait.en.md":         "---\ntitle: Pickup\n---\n",
		"commandes/seul.en.md":            "---\ntitle: Only in English\n---\n",
	})
	for _, c := range []struct{ file, id string }{
		{"commandes/suivre-commande.md", "commandes/suivi"},
		{"commandes/suivre-commande.en.md", "commandes/suivi"},
		{"commandes/annuler.en.md", "orders/cancel"},
		{"commandes/retrait.en.md", "commandes/retrait"},
		{"commandes/seul.en.md", "commandes/seul"},
	} {
		if a := article(t, lib, c.file); a.ID != c.id {
			t.Errorf("%s: id %q, want %q", c.file, a.ID, c.id)
		}
	}
	en := article(t, lib, "commandes/suivre-commande.en.md")
	if en.FAQ != site.FAQTrue || strings.Join(en.TicketTags, ",") != "suivi" {
		t.Errorf("translation inherits faq %q and ticket tags %q", en.FAQ, en.TicketTags)
	}
	tr := site.NewView(lib, time.Now(), false).Translations("commandes/suivi")
	if tr["fr"] == nil || tr["en"] == nil || tr["en"].URL != "/en/commandes/suivre-commande" {
		t.Errorf("translations of commandes/suivi: %v", tr)
	}
}
