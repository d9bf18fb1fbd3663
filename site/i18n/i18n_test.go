package i18n

import (
	"strings"
	"testing"
	"time"

	"github.com/guichet/guichet/site"
)

func TestCatalogFallbacks(t *testing.T) {
	theme := site.Strings{
		"en": {"hello": {"other": "Hello"}, "bye": {"other": "Bye"}, "n": {"one": "{count} file", "other": "{count} files"}},
		"pt": {"hello": {"other": "Olá"}, "n": {"one": "{count} arquivo", "many": "{count} de arquivos", "other": "{count} arquivos"}},
		"ar": {"n": {"zero": "لا ملفات", "one": "ملف واحد", "two": "ملفان", "few": "{count} ملفات", "many": "{count} ملفًا", "other": "{count} ملف"}},
	}
	own := site.Strings{"pt-BR": {"hello": {"other": "Oi"}}}
	c := New(theme, own, "en", []string{"en", "pt-BR", "pt", "ar"})
	for _, tt := range []struct{ locale, key, want string }{
		{"pt-BR", "hello", "Oi"},  // the content's own, for the region
		{"pt", "hello", "Olá"},    // the theme's, for the language
		{"pt-BR", "bye", "Bye"},   // the default locale's
		{"ja", "hello", "Hello"},  // English, last
		{"pt-PT", "hello", "Olá"}, // the language of a region without strings
	} {
		if got := c.Strings(tt.locale)[tt.key]; got != tt.want {
			t.Errorf("Strings(%s)[%s] = %q, want %q", tt.locale, tt.key, got, tt.want)
		}
	}
	for _, tt := range []struct {
		locale string
		n      int
		want   string
	}{
		{"en", 1, "1 file"}, {"en", 1000, "1,000 files"},
		{"pt-BR", 2, "2 arquivos"}, {"pt-BR", 1000, "1.000 arquivos"},
		{"ar", 0, "لا ملفات"}, {"ar", 2, "ملفان"}, {"ar", 3, "٣ ملفات"}, {"ar", 11, "١١ ملفًا"}, {"ar", 100, "١٠٠ ملف"},
	} {
		if got := c.Plural(tt.locale, "n", tt.n); got != tt.want {
			t.Errorf("Plural(%s, %d) = %q, want %q", tt.locale, tt.n, got, tt.want)
		}
	}
	miss := c.Missing([]string{"en", "pt-BR", "ja"})
	if strings.Join(miss["pt-BR"], ",") != "bye" || len(miss["ja"]) != 3 || miss["en"] != nil {
		t.Errorf("Missing = %v", miss)
	}
}

// TestLangs: the language each string is shown in, for the lang attribute
// of the elements showing it: "" for a string in the locale's language
// (its own, its base language's), the fallback's locale for the others,
// every key listed.
func TestLangs(t *testing.T) {
	theme := site.Strings{
		"en": {"hello": {"other": "Hello"}, "bye": {"other": "Bye"}},
		"fr": {"hello": {"other": "Bonjour"}, "bye": {"other": "Au revoir"}},
		"pt": {"hello": {"other": "Olá"}},
	}
	own := site.Strings{"sw": {"bye": {"other": "Kwaheri"}}}
	for _, tt := range []struct {
		def, locale string
		want        map[string]string
	}{
		{"en", "en", map[string]string{"hello": "", "bye": ""}},
		{"en", "en-GB", map[string]string{"hello": "", "bye": ""}},
		{"en", "fr", map[string]string{"hello": "", "bye": ""}},
		{"en", "pt-BR", map[string]string{"hello": "", "bye": "en"}},
		{"en", "sw", map[string]string{"hello": "en", "bye": ""}},
		{"en", "ja", map[string]string{"hello": "en", "bye": "en"}},
		{"fr", "ja", map[string]string{"hello": "fr", "bye": "fr"}},
		{"fr", "pt", map[string]string{"hello": "", "bye": "fr"}},
	} {
		c := New(theme, own, tt.def, []string{tt.def, "sw"})
		got := c.Langs(tt.locale)
		if len(got) != len(tt.want) {
			t.Errorf("default %s: Langs(%s) = %v, want %v", tt.def, tt.locale, got, tt.want)
			continue
		}
		for k, w := range tt.want {
			if g, ok := got[k]; !ok || g != w {
				t.Errorf("default %s: Langs(%s)[%s] = %q, want %q", tt.def, tt.locale, k, g, w)
			}
		}
	}
}

func TestParse(t *testing.T) {
	m, errs := Parse("i18n/de.yaml", []byte("a: Eins\nb:\n  one: ein\n  other: viele\nc:\n  one: nur eins\nd: [x]\ne:\n  lots: x\n  other: y\n"))
	if m["a"]["other"] != "Eins" || m["b"]["one"] != "ein" {
		t.Errorf("Parse = %v", m)
	}
	if len(errs) != 3 {
		t.Fatalf("errors = %v, want c (no other), d (a list), e.lots (no such form)", errs)
	}
	for _, want := range []string{"i18n/de.yaml:9: e.lots", "i18n/de.yaml:5: c", "i18n/de.yaml:7: d"} {
		found := false
		for _, err := range errs {
			found = found || strings.Contains(err.Error(), want)
		}
		if !found {
			t.Errorf("no error %q in %v", want, errs)
		}
	}
}

func TestDirection(t *testing.T) {
	for loc, want := range map[string]string{"ar": "rtl", "he": "rtl", "fa": "rtl", "ur": "rtl", "yi": "rtl", "ps": "rtl", "ckb": "rtl", "ar-MA": "rtl",
		"az-Arab": "rtl", "en": "ltr", "fr-CA": "ltr", "ja": "ltr", "az": "ltr", "bogus!": "ltr"} {
		if got := Direction(loc); got != want {
			t.Errorf("Direction(%s) = %s, want %s", loc, got, want)
		}
	}
}

func TestDatesAndNumbers(t *testing.T) {
	d := time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC)
	for loc, want := range map[string]string{"en": "November 30, 2026", "fr": "30 novembre 2026", "de": "30. November 2026",
		"es": "30 de noviembre de 2026", "ja": "2026年11月30日", "nb": "30. november 2026", "sw": "2026-11-30",
		// In the digits the locale's numbers are written in (CLDR arab,
		// arabext), never mixed with ASCII ones on one page.
		"ar": "٣٠ نوفمبر ٢٠٢٦", "fa": "۳۰ نوامبر ۲۰۲۶", "ar-MA": "30 نوفمبر 2026"} {
		if got := Date(loc, d); got != want {
			t.Errorf("Date(%s) = %q, want %q", loc, got, want)
		}
	}
	for loc, want := range map[string]string{"en": "12,345", "de": "12.345", "fr": "12\u00a0345", "ar": "١٢٬٣٤٥"} {
		if got := Number(loc, 12345); got != want {
			t.Errorf("Number(%s) = %q, want %q", loc, got, want)
		}
	}
}

// TestCompoundCuts: the cuts of a folded word as two parts, each of
// MinCompoundPart letters or more (letters, not bytes), with the
// language's linking letters between, the first no bound prefix; none in
// a language that writes compounds apart.
func TestCompoundCuts(t *testing.T) {
	for _, c := range []struct {
		lang, word string
		has, not   []string
	}{
		{"de", "akkuwechsel", []string{"akku|wechsel", "akkuwec|hsel"}, []string{"akk|uwechsel", "akkuwech|sel"}},
		{"de", "versicherungsschutz", []string{"versicherung|s|schutz", "versicherungs|schutz"}, []string{"versicherungss|c|hutz"}},
		{"de", "zerstorung", []string{"zers|torung"}, []string{"zer|storung"}},    // "zer" is bound
		{"de", "uberweisung", []string{"uberw|eisung"}, []string{"uber|weisung"}}, // so is "über", folded
		{"de", "grünland", []string{"grün|land"}, nil},                            // letters, not bytes
		{"nl", "fietsverzekering", []string{"fiets|verzekering", "fiet|s|verzekering"}, []string{"fietsverzekeri|ng"}},
		{"de", "grünöl", nil, nil},
		{"en", "keyboardcover", nil, nil},
	} {
		got := map[string]bool{}
		for _, cut := range CompoundCuts(c.lang, c.word, MinCompoundPart) {
			s := cut.First + "|" + cut.Rest
			if cut.Link != "" {
				s = cut.First + "|" + cut.Link + "|" + cut.Rest
			}
			got[s] = true
		}
		for _, s := range c.has {
			if !got[s] {
				t.Errorf("CompoundCuts(%q, %q) has no cut %s: %v", c.lang, c.word, s, got)
			}
		}
		for _, s := range c.not {
			if got[s] {
				t.Errorf("CompoundCuts(%q, %q) has the cut %s", c.lang, c.word, s)
			}
		}
		if c.has == nil && len(got) > 0 {
			t.Errorf("CompoundCuts(%q, %q) = %v, want none", c.lang, c.word, got)
		}
	}
}

// TestOpenGraph: og:locale is language_TERRITORY; pages wrote the BCP 47
// code ("de", "pt-BR"), which the Open Graph protocol does not read.
func TestOpenGraph(t *testing.T) {
	for in, want := range map[string]string{"de": "de_DE", "en": "en_US", "fr": "fr_FR", "es": "es_ES", "pt-BR": "pt_BR", "pt": "pt_BR", "zh-Hant": "zh_TW", "zh-Hans": "zh_CN", "es-419": "es_LA", "ar": "ar_EG", "fr-CA": "fr_CA"} {
		if got := OpenGraph(in); got != want {
			t.Errorf("OpenGraph(%q) = %q, want %q", in, got, want)
		}
	}
}
