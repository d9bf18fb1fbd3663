package check

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

// TestLocaleChecks checks what `guichet check` says about a help center's
// languages and brand: the interface strings a locale lacks, by name; a
// key no template uses; a locale search has no analyzer for; a theme file
// that does not parse; a brand colour too light for white text.
func TestLocaleChecks(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "guichet.yaml", "default_locale: en\nlocales: [en, de, sw]\nbrand_color: \"#ffcc00\"\n")
	write(t, dir, "help/a.md", "---\ntitle: A\n---\nText.\n")
	write(t, dir, "i18n/sw.yaml", "search_btn: Tafuta\nserch_label: Tafuta kwenye kituo\nrelay_welcome: Karibu\n")
	write(t, dir, "theme/templates/category.html", "{{define \"content\"}}<p>{{.T.relay_welcome}}</p>{{end}}")
	write(t, dir, "theme/templates/faq.html", "{{define \"content\"}}{{.Heading}{{end}}")
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	find := func(file, part string) *site.Problem {
		for i, p := range rep.Problems {
			if strings.HasSuffix(p.File, file) && strings.Contains(p.Message, part) {
				return &rep.Problems[i]
			}
		}
		return nil
	}
	sw := find("i18n/sw.yaml", "locale sw has no translation for")
	if sw == nil {
		t.Fatalf("no missing-translation warning for sw in %+v", rep.Problems)
	}
	for _, want := range []string{"shown in English", "article_count", "back_to_article", "and "} {
		if !strings.Contains(sw.Message, want) {
			t.Errorf("missing-translation warning lacks %q: %s", want, sw.Message)
		}
	}
	if strings.Contains(sw.Message, "search_btn,") {
		t.Errorf("search_btn is translated, yet listed: %s", sw.Message)
	}
	if p := find("i18n/en.yaml", "use relay_welcome"); p == nil || p.Severity != site.SeverityError {
		t.Errorf("a string the theme uses but English lacks is not an error: %+v", p)
	}
	if find("i18n/de.yaml", "") != nil {
		t.Error("German ships with the theme, yet a translation is reported missing")
	}
	if p := find("i18n/sw.yaml", "serch_label"); p == nil || strings.Contains(p.Message, "relay_welcome") {
		t.Errorf("the misspelt key serch_label is not reported, or the key a theme template uses is: %+v", p)
	}
	if p := find("guichet.yaml", "no analyzer for locale sw"); p == nil || p.Severity != site.SeverityWarning {
		t.Errorf("no analyzer warning for sw: %+v", p)
	}
	if p := find("guichet.yaml", "no analyzer for locale de"); p != nil {
		t.Errorf("German has an analyzer: %s", p.Message)
	}
	if p := find("theme/templates/faq.html", "last good theme"); p == nil || p.Severity != site.SeverityError || p.Line != 1 {
		t.Errorf("broken theme template not reported as an error on its file and line: %+v", p)
	}
	p := find("guichet.yaml", "brand_color #ffcc00")
	if p == nil || !strings.Contains(p.Message, "nearest shade that reaches it is #") {
		t.Fatalf("no contrast warning with a compliant shade: %+v", p)
	}
	shade := p.Message[strings.LastIndex(p.Message, "#"):]
	rgb, ok := parseHex(shade)
	if !ok || contrast(luminance(rgb), 1) < minContrast {
		t.Errorf("suggested shade %s does not reach %.1f:1", shade, minContrast)
	}
}

func TestContrast(t *testing.T) {
	for _, tt := range []struct {
		color string
		warn  bool
	}{{"#0b5cad", false}, {"#1d4ed8", false}, {"#ffcc00", true}, {"#22c55e", true}, {"#000", false}} {
		if got := brandContrast(tt.color) != nil; got != tt.warn {
			t.Errorf("brandContrast(%s) warns = %v, want %v", tt.color, got, tt.warn)
		}
	}
}

// TestMissingStringsNameWhereTheyAreShown: a string a locale lacks is
// shown in the default locale when it has it, else in English; the
// warning names each language the locale's pages fall back to.
func TestMissingStringsNameWhereTheyAreShown(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "guichet.yaml", "default_locale: ja\nlocales: [ja, sw]\n")
	write(t, dir, "help/a.md", "---\ntitle: A\n---\nText.\n")
	// The content's theme gives a few Japanese strings, which the
	// default theme has none of.
	write(t, dir, "theme/i18n/ja.yaml", "search_btn: 検索\nlang_name: 日本語\n")
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		if strings.HasSuffix(p.File, "i18n/sw.yaml") && strings.Contains(p.Message, "locale sw has no translation for") {
			if !strings.Contains(p.Message, "日本語") || !strings.Contains(p.Message, "English") {
				t.Errorf("search_btn is shown in Japanese, the others in English; the warning says: %s", p.Message)
			}
			return
		}
	}
	t.Fatalf("no missing-translation warning for sw in %+v", rep.Problems)
}

// TestThemeStringsFileAddsToTheTheme: a content folder's
// theme/i18n/de.yaml rewording two strings keeps the theme's other German
// strings, as i18n/de.yaml does: check finds none missing. It replaced
// the theme's whole German file, and check reported 150 strings of German
// pages shown in English.
func TestThemeStringsFileAddsToTheTheme(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "guichet.yaml", "default_locale: de\nlocales: [de]\n")
	write(t, dir, "help/a.md", "---\ntitle: A\n---\nText.\n")
	write(t, dir, "theme/i18n/de.yaml", "search_btn: Los\nskip: Zum Text\n")
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		if p.Kind == site.KindTranslation {
			t.Errorf("%s", p.String())
		}
	}
}

// TestMissingStringsShownInTheDefaultLocaleOnce: with a regional default
// locale (pt-BR) whose content file replaces a few strings, the others
// come from the theme's Portuguese; the pages show one language, and the
// warning names it once, as the language switcher does, not "Português or
// português".
func TestMissingStringsShownInTheDefaultLocaleOnce(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "guichet.yaml", "default_locale: pt-br\nlocales: [pt-br, zh-hans]\n")
	write(t, dir, "help/a.md", "---\ntitle: A\n---\nTexto.\n")
	write(t, dir, "i18n/pt-br.yaml", "helpful_q: Isso ajudou?\n")
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		if strings.Contains(p.Message, "locale zh-Hans has no translation for") {
			if n := strings.Count(strings.ToLower(p.Message), "português"); n != 1 || strings.Contains(p.Message, " or ") {
				t.Errorf("the strings are shown in one language, Portuguese; the warning names %d: %s", n, p.Message)
			}
			return
		}
	}
	t.Fatalf("no missing-translation warning for zh-Hans in %+v", rep.Problems)
}

// TestThemeThatDoesNotRender: a theme file that parses but fails when a
// page is written with it (a field no page has) is an error on its file
// and line, as the server would meet it.
func TestThemeThatDoesNotRender(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "help/a.md", "---\ntitle: A\n---\nText.\n")
	write(t, dir, "theme/templates/article.html", "{{define \"content\"}}\n<h1>{{.Title}}</h1>\n<p>{{.Author.Name}}</p>{{end}}")
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		if strings.HasSuffix(p.File, "/theme/templates/article.html") {
			if p.Line != 3 || p.Severity != site.SeverityError || !strings.Contains(p.Message, "Author") {
				t.Errorf("problem: %+v", p)
			}
			return
		}
	}
	t.Errorf("no problem on theme/templates/article.html: %+v", rep.Problems)
}

// TestLocaleChecksNameTheFile: a locale's strings file spelt as Hugo
// spells it (i18n/pt-br.yaml) is the file the warnings name, not a
// pt-BR.yaml the writer has no such file as.
func TestLocaleChecksNameTheFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "guichet.yaml", "default_locale: en\nlocales: [en, pt-br, zh-hans]\n")
	write(t, dir, "help/a.md", "---\ntitle: A\n---\nText.\n")
	write(t, dir, "i18n/pt-br.yaml", "search_btn: Buscar\nserch_label: Pesquisar\n")
	write(t, dir, "i18n/zh_hans.yaml", "search_btn: 搜索\n")
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, p := range rep.Problems {
		switch {
		case strings.Contains(p.Message, "serch_label"):
			files["unknown key"] = p.File
		case strings.Contains(p.Message, "locale zh-Hans has no translation"):
			files["missing zh-Hans"] = p.File + " | " + p.Message[strings.LastIndex(p.Message, "add them to"):]
		}
	}
	if got := files["unknown key"]; !strings.HasSuffix(got, "i18n/pt-br.yaml") {
		t.Errorf("the misspelt key is reported on %q, want i18n/pt-br.yaml", got)
	}
	if got := files["missing zh-Hans"]; !strings.HasSuffix(got, "i18n/zh_hans.yaml | add them to i18n/zh_hans.yaml") {
		t.Errorf("missing zh-Hans strings reported as %q, want i18n/zh_hans.yaml", got)
	}
}

// TestUntranslatedLocales: check warns, on guichet.yaml's locales line,
// about a listed locale without articles (naming the file to write
// first), one whose only articles are drafts, and one without articles in
// some categories (naming them); a locale translated everywhere, and the
// default one, raise nothing. It said nothing before.
func TestUntranslatedLocales(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "guichet.yaml", "title: Acme\nlocales: [en, fr, de, it, es]\n")
	write(t, dir, "billing/refund.md", "---\ntitle: Refund\n---\nText.\n")
	write(t, dir, "billing/refund.fr.md", "---\ntitle: Remboursement\n---\nTexte.\n")
	write(t, dir, "billing/refund.es.md", "---\ntitle: Reembolso\n---\nTexto.\n")
	write(t, dir, "billing/refund.it.md", "---\ntitle: Rimborso\ndraft: true\n---\nTesto.\n")
	write(t, dir, "team/_index.md", "---\ntitle: Your team\n---\n")
	write(t, dir, "team/invite.md", "---\ntitle: Invite\n---\nText.\n")
	write(t, dir, "team/invite.es.md", "---\ntitle: Invitar\n---\nTexto.\n")
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range rep.Problems {
		if strings.HasPrefix(p.Message, "locales: ") {
			if p.Severity != site.SeverityWarning || !strings.HasSuffix(p.File, "guichet.yaml") || p.Line != 2 || p.Field != "locales" {
				t.Errorf("not a warning on guichet.yaml:2, field locales: %+v", p)
			}
			got = append(got, p.Message)
		}
	}
	want := []string{
		"locales: fr has no articles in 1 of 2 categories yet (Your team); /fr/ lists them in English, marked as such",
		"locales: de has no articles yet; /de/ shows the categories and articles in English, marked as such, until its translations are published, like billing/refund.de.md next to billing/refund.md",
		"locales: it has no published articles yet (1 article, drafts or scheduled); /it/ shows the categories and articles in English, marked as such, until its translations are published, like billing/refund.it.md next to billing/refund.md",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("locale warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rep.Errors != 0 {
		t.Errorf("%d errors: untranslated locales are warnings only", rep.Errors)
	}
}

// TestUntranslatedCategoryTitles: a category holding German articles but
// no _index.de.md (or one without a title) shows its English title over
// them on /de/ pages; check names the file to write, once per category
// and locale, and says nothing of a category without German articles or
// with its German title.
func TestUntranslatedCategoryTitles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "guichet.yaml", "locales: [en, de, fr]\n")
	write(t, dir, "abo/_index.md", "---\ntitle: Subscription\n---\n")
	write(t, dir, "abo/cancel.md", "---\ntitle: Cancel\n---\nText.\n")
	write(t, dir, "abo/cancel.de.md", "---\ntitle: Kündigen\n---\nText.\n")
	write(t, dir, "abo/rechnungen/_index.md", "---\ntitle: Invoices\n---\n")
	write(t, dir, "abo/rechnungen/_index.de.md", "---\ndescription: Nur eine Beschreibung.\n---\n")
	write(t, dir, "abo/rechnungen/vat.md", "---\ntitle: VAT\n---\nText.\n")
	write(t, dir, "abo/rechnungen/vat.de.md", "---\ntitle: MwSt\n---\nText.\n")
	write(t, dir, "akku/_index.md", "---\ntitle: Battery\n---\n")
	write(t, dir, "akku/_index.de.md", "---\ntitle: Akku\n---\n")
	write(t, dir, "akku/swap.md", "---\ntitle: Swap\n---\nText.\n")
	write(t, dir, "akku/swap.de.md", "---\ntitle: Akkuwechsel\n---\nText.\n")
	write(t, dir, "akku/swap.fr.md", "---\ntitle: Échange\ndraft: true\n---\nTexte.\n")
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range rep.Problems {
		if strings.HasPrefix(p.Message, "category ") {
			if p.Severity != site.SeverityWarning || p.Kind != site.KindTranslation || p.Field != "title" {
				t.Errorf("not a translation warning on the field title: %+v", p)
			}
			got = append(got, strings.TrimPrefix(p.File, dir+"/")+": "+p.Message)
		}
	}
	want := []string{
		`abo/_index.de.md: category abo holds 2 articles in German but has no German title: /de/ pages show its English title "Subscription" over them, marked as such; add abo/_index.de.md with its title`,
		`abo/rechnungen/_index.de.md: category abo/rechnungen holds 1 article in German but has no German title: /de/ pages show its English title "Invoices" over them, marked as such; give abo/rechnungen/_index.de.md a title`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("category warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTranslationWithoutOriginal: a translation whose default-locale file
// does not exist (renamed since) is a warning on it, naming the file it
// translates; one that sets an id of its own, or whose original is a
// draft, is not.
func TestTranslationWithoutOriginal(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "guichet.yaml", "locales: [en, de, fr]\n")
	write(t, dir, "abo/invoices.md", "---\ntitle: Invoices\n---\nText.\n")
	write(t, dir, "abo/invoice.de.md", "---\ntitle: Rechnung\n---\nText.\n")
	write(t, dir, "abo/recht.de.md", "---\ntitle: Widerrufsrecht\nid: abo/widerruf\n---\nText.\n")
	write(t, dir, "abo/soon.md", "---\ntitle: Soon\ndraft: true\n---\nText.\n")
	write(t, dir, "abo/soon.fr.md", "---\ntitle: Bientôt\n---\nTexte.\n")
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range rep.Problems {
		if strings.Contains(p.Message, "translation of") {
			if p.Severity != site.SeverityWarning || p.Kind != site.KindTranslation {
				t.Errorf("not a translation warning: %+v", p)
			}
			got = append(got, strings.TrimPrefix(p.File, dir+"/")+": "+p.Message)
		}
	}
	want := "abo/invoice.de.md: a de translation of abo/invoice.md, which does not exist: it is served in de only, with no en version to switch to; if the original was renamed, rename this file after it or set `id:` to the original's id (or give it an id of its own, for an article written in de only)"
	if strings.Join(got, "\n") != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

// TestMovedDraftKeepsAnotherFoldersID: `gaps stub` of a gap in another
// locale than the default writes drafts/gift-wrapping.en.md with id:
// drafts/gift-wrapping, the id of its French version to come. Moved by
// the writer into its category, the draft kept that id with nothing said:
// its French version, written beside it as cadeaux/gift-wrapping.md,
// would not translate it. check says so on the id line and gives the id
// of its place; a draft where it was written, a published article with an
// id from elsewhere (its history is under it), an id that names no folder
// and a draft whose id a default-locale article has are left alone.
func TestMovedDraftKeepsAnotherFoldersID(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "guichet.yaml", "default_locale: fr\nlocales: [fr, en]\n")
	write(t, dir, "cadeaux/_index.md", "---\ntitle: Cadeaux\n---\n")
	write(t, dir, "cadeaux/gift-wrapping.en.md", "---\ntitle: \"Gift wrapping\"\nid: \"drafts/gift-wrapping\"\ndraft: true\n---\nText.\n")
	write(t, dir, "drafts/voucher.en.md", "---\ntitle: Voucher\nid: \"drafts/voucher\"\ndraft: true\n---\nText.\n")
	write(t, dir, "cadeaux/cards.en.md", "---\ntitle: Cards\nid: \"old/cards\"\n---\nText.\n")
	write(t, dir, "cadeaux/ribbon.en.md", "---\ntitle: Ribbon\nid: ribbon\ndraft: true\n---\nText.\n")
	write(t, dir, "cadeaux/boite.md", "---\ntitle: Boîte\nid: \"old/box\"\n---\nTexte.\n")
	write(t, dir, "cadeaux/box.en.md", "---\ntitle: Box\nid: \"old/box\"\ndraft: true\n---\nText.\n")
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range rep.Problems {
		if p.Field == "id" {
			if p.Severity != site.SeverityWarning || p.Kind != site.KindTranslation || p.Line != 3 {
				t.Errorf("not a translation warning on the id line: %+v", p)
			}
			got = append(got, strings.TrimPrefix(p.File, dir+"/")+": "+p.Message)
		}
	}
	want := "cadeaux/gift-wrapping.en.md: this en draft sets id: drafts/gift-wrapping, the id of drafts/gift-wrapping.md, a file that does not exist (the folder it was drafted in, likely, before it was moved or renamed): its fr version would translate it only written there or setting that id, not as cadeaux/gift-wrapping.md beside it; set id: cadeaux/gift-wrapping, this file's own, so that cadeaux/gift-wrapping.md translates it (a draft has no readers' history to keep under the old id)"
	if strings.Join(got, "\n") != want {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

// TestThemeStringsFileMistakeAtItsFile: a mistake in the content folder's
// theme/i18n/de.yaml is reported once, at that file and line. It was
// reported twice, both as "theme: error: … i18n/de.yaml: yaml: line 1: …",
// naming i18n/de.yaml, the path of the content folder's own strings file,
// a different file the writer then looked into.
func TestThemeStringsFileMistakeAtItsFile(t *testing.T) {
	for name, c := range map[string]struct{ src, want string }{
		"not YAML":     {"footnotes: [a\nback_to_text: x\n", "theme/i18n/de.yaml:1: error: YAML: did not find expected ',' or ']'"},
		"plural forms": {"footnotes: Notes\nuntitled_tab: {x: 1}\n", "theme/i18n/de.yaml:2: error: untitled_tab: plural forms need at least other"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, "guichet.yaml", "default_locale: de\nlocales: [de]\n")
			write(t, dir, "help/a.md", "---\ntitle: A\n---\nText.\n")
			write(t, dir, "theme/i18n/de.yaml", c.src)
			rep, err := Run(context.Background(), dir, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			found := 0
			for _, p := range rep.Problems {
				if p.Severity != site.SeverityError {
					continue
				}
				got := strings.TrimPrefix(p.String(), dir+string(filepath.Separator))
				if !strings.HasPrefix(got, "theme/i18n/de.yaml:") {
					t.Errorf("an error not at the strings file: %s", got)
				}
				if strings.HasPrefix(got, c.want) {
					found++
				}
			}
			if found != 1 {
				t.Errorf("%q reported %d times, want once", c.want, found)
			}
		})
	}
}

// TestThemeStringsFileNoneReads: a content folder's theme/i18n/xx_YY.yaml
// (a name that is no locale code) and theme/i18n/fr.yaml on a site
// without French were read by nothing, silently, while the content
// folder's own i18n/xx_YY.yaml is an error. Both are warnings at the file
// (an error would stop the server on the theme), the second naming the
// site's locales.
func TestThemeStringsFileNoneReads(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "guichet.yaml", "default_locale: en\nlocales: [en, de-AT]\n")
	write(t, dir, "help/a.md", "---\ntitle: A\n---\nText.\n")
	write(t, dir, "theme/i18n/xx_YY.yaml", "search_btn: Go\n")
	write(t, dir, "theme/i18n/fr.yaml", "search_btn: Chercher\n")
	write(t, dir, "theme/i18n/de.yaml", "search_btn: Los\n") // de-AT falls back to it: read
	write(t, dir, "theme/i18n/en.yaml", "search_btn: Go\n")  // the last fallback: read
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"theme/i18n/xx_YY.yaml": "the file name must be a locale code like de.yaml",
		"theme/i18n/fr.yaml":    "no locale of the site reads it (locales: en, de-AT)",
	}
	for _, p := range rep.Problems {
		got := strings.TrimPrefix(p.String(), dir+string(filepath.Separator))
		if strings.HasPrefix(got, "theme/i18n/de.yaml") || strings.HasPrefix(got, "theme/i18n/en.yaml") {
			t.Errorf("a strings file the site reads reported: %s", got)
		}
		f, _, _ := strings.Cut(got, ":")
		if w, ok := want[f]; ok && strings.Contains(p.Message, w) {
			if p.Severity != site.SeverityWarning {
				t.Errorf("%s: want a warning, not an error", got)
			}
			delete(want, f)
		}
	}
	for f, w := range want {
		t.Errorf("%s: no warning %q in %v", f, w, rep.Problems)
	}
}

// TestPluralFormsOfAStringThatIsNot: `callout_note: {one: x, other: y}`,
// plural forms for a string the theme writes as one, was accepted
// silently and every note's title became "y". It is a warning at the
// file and line, in the content folder's i18n/ and its theme/i18n/; the
// plural forms of a string that has them (result_count) are not.
func TestPluralFormsOfAStringThatIsNot(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "guichet.yaml", "default_locale: en\nlocales: [en, de]\n")
	write(t, dir, "help/a.md", "---\ntitle: A\n---\nText.\n")
	write(t, dir, "i18n/de.yaml", "search_btn: Los\ncallout_note: {one: Hinweis, other: Hinweise}\nresult_count: {one: \"{count} Ergebnis\", other: \"{count} Ergebnisse\"}\n")
	write(t, dir, "theme/i18n/en.yaml", "search_btn: Go\n\ncallout_tip:\n  one: Tip\n  other: Tips\n")
	rep, err := Run(context.Background(), dir, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"i18n/de.yaml:2: warning: callout_note": true, "theme/i18n/en.yaml:3: warning: callout_tip": true}
	for _, p := range rep.Problems {
		got := strings.TrimPrefix(p.String(), dir+string(filepath.Separator))
		if strings.Contains(got, "result_count") {
			t.Errorf("plural forms of a plural string reported: %s", got)
		}
		for w := range want {
			if strings.HasPrefix(got, w) && strings.Contains(got, "not plural") {
				delete(want, w)
			}
		}
	}
	for w := range want {
		t.Errorf("no %q (… not plural …) in %v", w, rep.Problems)
	}
}
