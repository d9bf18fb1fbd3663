package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/guichet/guichet/site"
)

func TestFill(t *testing.T) {
	for _, tt := range []struct {
		name, s string
		args    []string
		want    string
	}{
		{"no placeholder", "Hello", []string{"name", "x"}, "Hello"},
		{"two placeholders", "{count} results for {query}", []string{"count", "3", "query", "refund"}, "3 results for refund"},
		{"repeated placeholder", "{q} or {q}", []string{"q", "a"}, "a or a"},
		{"unknown placeholder stays", "Hi {name}", []string{"other", "x"}, "Hi {name}"},
		{"a value is not filled again", "{query}", []string{"query", "{count}", "count", "9"}, "{count}"},
		{"odd argument ignored", "{a}{b}", []string{"a", "1", "b"}, "1{b}"},
		{"markup in a value is kept as text", "for {q}", []string{"q", "<b>x</b>"}, "for <b>x</b>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fill(tt.s, tt.args...); got != tt.want {
				t.Errorf("Fill(%q, %q) = %q, want %q", tt.s, tt.args, got, tt.want)
			}
		})
	}
}

func TestPluralForm(t *testing.T) {
	for _, tt := range []struct {
		locale string
		n      int
		want   string
	}{
		{"en", 0, "other"}, {"en", 1, "one"}, {"en", 2, "other"}, {"en", -1, "one"},
		{"fr", 0, "one"}, {"fr", 1, "one"}, {"fr", 2, "other"},
		{"ru", 1, "one"}, {"ru", 21, "one"}, {"ru", 2, "few"}, {"ru", 24, "few"}, {"ru", 5, "many"}, {"ru", 11, "many"}, {"ru", 12, "many"},
		{"pl", 22, "few"}, {"pl", 25, "many"},
		{"ar", 0, "zero"}, {"ar", 2, "two"}, {"ar", 103, "few"}, {"ar", 111, "many"},
		{"ja", 1, "other"},
		{"pt-BR", 0, "one"}, {"pt-PT", 0, "other"},
		{"not a locale!", 1, "other"},
	} {
		if got := PluralForm(tt.locale, tt.n); got != tt.want {
			t.Errorf("PluralForm(%s, %d) = %s, want %s", tt.locale, tt.n, got, tt.want)
		}
	}
}

// TestPluralFallbackUsesFoundLanguageRules: a Russian reader of a string
// only written in English gets English grammar, with Russian-style digits
// grouping, never an English "one" form picked by Russian rules.
func TestPluralFallbackUsesFoundLanguageRules(t *testing.T) {
	theme := site.Strings{
		"en": {"results": {"one": "{count} result for {q}", "other": "{count} results for {q}"}},
		"ru": {"results": {"one": "{count} результат", "few": "{count} результата", "many": "{count} результатов", "other": "{count} результата"}},
		"de": {"files": {"other": "{count} Dateien"}},
	}
	c := New(theme, nil, "en", []string{"en", "ru", "de"})
	for _, tt := range []struct {
		locale, key string
		n           int
		want        string
	}{
		{"ru", "results", 21, "21 результат"},
		{"ru", "results", 5, "5 результатов"},
		{"ru", "results", 1234, "1 234 результата"},
		{"uk", "results", 21, "21 results for x"}, // Ukrainian falls back to English with English rules
		{"de", "files", 1, "1 Dateien"},           // no "one" form given: other
		{"de", "results", 1000, "1.000 results for x"},
		{"en", "missing", 3, ""},
	} {
		got := c.Plural(tt.locale, tt.key, tt.n, "q", "x")
		if strings.ReplaceAll(got, "\u00a0", " ") != tt.want {
			t.Errorf("Plural(%s, %s, %d) = %q, want %q", tt.locale, tt.key, tt.n, got, tt.want)
		}
	}
}

func TestCatalogDefaultLocaleAndOwnOverTheme(t *testing.T) {
	theme := site.Strings{
		"en": {"search": {"other": "Search"}, "contact": {"other": "Contact us"}, "home": {"other": "Home"}},
		"fr": {"search": {"other": "Rechercher"}, "contact": {"other": "Nous contacter"}},
		"de": {"search": {"other": "Suchen"}},
	}
	own := site.Strings{
		"fr":    {"contact": {"other": "Écrivez-nous"}},
		"fr-CA": {"search": {"other": "Chercher"}},
	}
	// A French help center: a German reader lacking a string gets French, not English.
	c := New(theme, own, "fr", []string{"fr", "fr-CA", "de"})
	for _, tt := range []struct{ locale, key, want string }{
		{"fr", "contact", "Écrivez-nous"},    // own over theme
		{"fr-CA", "contact", "Écrivez-nous"}, // region → language, own
		{"fr-CA", "search", "Chercher"},
		{"de", "search", "Suchen"},
		{"de", "contact", "Écrivez-nous"}, // the site's default locale before English
		{"de", "home", "Home"},            // English last
		{"it", "contact", "Écrivez-nous"}, // a locale New was not given
	} {
		if got := c.Strings(tt.locale)[tt.key]; got != tt.want {
			t.Errorf("Strings(%s)[%s] = %q, want %q", tt.locale, tt.key, got, tt.want)
		}
		if got := c.Text(tt.locale, tt.key); got != tt.want {
			t.Errorf("Text(%s, %s) = %q, want %q", tt.locale, tt.key, got, tt.want)
		}
	}
	if got := c.Text("fr", "nothing"); got != "" {
		t.Errorf("Text of a missing key = %q, want empty", got)
	}
}

func TestReadDir(t *testing.T) {
	fsys := fstest.MapFS{
		"i18n/en.yaml":    {Data: []byte("hello: Hello {name}\n")},
		"i18n/pt-BR.yml":  {Data: []byte("hello: Olá {name}\n")},
		"i18n/notes.txt":  {Data: []byte("not yaml: [")},
		"i18n/de.yaml":    {Data: []byte("hello: [broken\n")},
		"i18n/fr.yaml":    {Data: []byte("- a list\n")},
		"i18n/sub/x.yaml": {Data: []byte("x: y\n")},
	}
	got, errs := ReadDir(fsys)
	if got["en"]["hello"]["other"] != "Hello {name}" || got["pt-BR"]["hello"]["other"] != "Olá {name}" {
		t.Errorf("ReadDir = %v", got)
	}
	if _, ok := got["notes"]; ok {
		t.Error("a .txt file was read as translations")
	}
	if len(errs) != 2 {
		t.Fatalf("errors = %v, want de.yaml (syntax) and fr.yaml (not a mapping)", errs)
	}
	joined := errs[0].Error() + "\n" + errs[1].Error()
	for _, want := range []string{"i18n/de.yaml", "i18n/fr.yaml:1"} {
		if !strings.Contains(joined, want) {
			t.Errorf("errors %q do not name %s", joined, want)
		}
	}
	none, errs := ReadDir(fstest.MapFS{"README.md": {}})
	if len(none) != 0 || len(errs) != 0 {
		t.Errorf("no i18n folder: %v %v, want nothing", none, errs)
	}
}

func TestUnknownAndUsedKeys(t *testing.T) {
	theme := fstest.MapFS{
		"templates/page.html": {Data: []byte(`<h1>{{.T.title}}</h1>{{ .T.search_hint }}{{.Title}}`)},
		"templates/x.css":     {Data: []byte(`.T.css_only`)},
	}
	used := UsedKeys(theme)
	if !used["title"] || !used["search_hint"] || used["Title"] || used["css_only"] {
		t.Errorf("UsedKeys = %v", used)
	}
	c := New(site.Strings{"en": {"title": {"other": "T"}}},
		site.Strings{"fr": {"title": {"other": "T"}, "serach_hint": {"other": "typo"}, "search_hint": {"other": "ok"}}}, "en", nil)
	unknown := c.Unknown(used)
	if strings.Join(unknown["fr"], ",") != "serach_hint" {
		t.Errorf("Unknown = %v, want fr: serach_hint", unknown)
	}
}

func TestName(t *testing.T) {
	c := New(site.Strings{"de": {"lang_name": {"other": "Deutsch (Schweiz)"}}}, nil, "en", nil)
	for _, tt := range []struct{ locale, want string }{
		{"de", "Deutsch (Schweiz)"},
		{"fr", "français"},
		{"ar", "العربية"},
		{"ja", "日本語"},
		{"!!", "!!"},
	} {
		if got := c.Name(tt.locale); got != tt.want {
			t.Errorf("Name(%s) = %q, want %q", tt.locale, got, tt.want)
		}
	}
}

// TestNameIn: a language named inside a sentence of another one is named in
// that one ("voici les résultats en anglais", not "en English"); in its own
// language, or when CLDR knows either not, it is its own name.
func TestNameIn(t *testing.T) {
	c := New(site.Strings{"de": {"lang_name": {"other": "Deutsch (Schweiz)"}}}, nil, "en", nil)
	for _, tt := range []struct{ locale, in, want string }{
		{"en", "fr", "anglais"},
		{"en", "de", "Englisch"},
		{"fr", "en", "French"},
		{"ja", "es", "japonés"},
		{"pt-BR", "fr", "portugais brésilien"},
		{"de", "de", "Deutsch (Schweiz)"},
		{"en", "en", "English"},
		{"!!", "fr", "!!"},
		{"en", "!!", "English"},
	} {
		if got := c.NameIn(tt.locale, tt.in); got != tt.want {
			t.Errorf("NameIn(%s, %s) = %q, want %q", tt.locale, tt.in, got, tt.want)
		}
	}
}

func TestLanguage(t *testing.T) {
	for in, want := range map[string]string{"pt-BR": "pt", "PT_br": "pt", "en": "en", "EN": "en", "fr-CA": "fr", "en_GB": "en", "zh-Hant-TW": "zh", "": ""} {
		if got := Language(in); got != want {
			t.Errorf("Language(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDateIsTheUTCDay: a date is the UTC day whatever the zone of the
// time given, so every reader sees the same day for an article; a zero
// time is blank, not "January 1, 0001".
func TestDateIsTheUTCDay(t *testing.T) {
	late := time.Date(2026, 11, 30, 21, 0, 0, 0, time.FixedZone("UTC-5", -5*3600)) // Dec 1, 02:00 UTC
	for _, tt := range []struct {
		locale string
		t      time.Time
		want   string
	}{
		{"en", late, "December 1, 2026"},
		{"fr-CA", late, "1 décembre 2026"},
		{"pt-BR", late, "1 de dezembro de 2026"},
		{"en", time.Time{}, ""},
	} {
		if got := Date(tt.locale, tt.t); got != tt.want {
			t.Errorf("Date(%s, %v) = %q, want %q", tt.locale, tt.t, got, tt.want)
		}
	}
	for _, tt := range []struct {
		locale string
		n      int
		want   string
	}{
		{"en", -1500, "-1,500"}, {"de-CH", 1234567, "1’234’567"}, {"hi", 1234567, "12,34,567"}, {"not a locale!", 1000, "1,000"},
	} {
		if got := Number(tt.locale, tt.n); got != tt.want {
			t.Errorf("Number(%s, %d) = %q, want %q", tt.locale, tt.n, got, tt.want)
		}
	}
}

// TestReadDirFileNamesInAnyCase: a theme's strings file named in another
// case than BCP 47's (de-at.yaml, pt_br.yaml, as a content folder's
// i18n/ accepts them) holds the strings of that locale: they were kept
// under "de-at", which no page asks for, and the theme folder's
// theme/i18n/de-at.yaml was ignored without a word.
func TestReadDirFileNamesInAnyCase(t *testing.T) {
	strs, errs := ReadDir(fstest.MapFS{
		"i18n/de-at.yaml": {Data: []byte("footnotes: Anmerkungen\n")},
		"i18n/pt_br.yaml": {Data: []byte("footnotes: Notas\n")},
	})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, loc := range []string{"de-AT", "pt-BR"} {
		if strs[loc] == nil {
			t.Errorf("no strings for %s: %v", loc, strs)
		}
	}
}
