package i18n

import "testing"

func TestCanonical(t *testing.T) {
	for _, c := range []struct {
		in, want string
		langLen  int
	}{
		{"fr", "fr", 2},
		{"FR", "fr", 2},
		{"pt-BR", "pt-BR", 2},
		{"pt-br", "pt-BR", 2},
		{"pt_BR", "pt-BR", 2},
		{"zh-hans", "zh-Hans", 2},
		{"ZH-HANT-tw", "zh-Hant-TW", 2},
		{"es-419", "es-419", 2},
		{"fil", "fil", 3},
		{"sr-Latn", "sr-Latn", 2},
		// Not locale codes: a word, unknown subtags, a number no region
		// has, extensions, empty parts.
		{"English", "", 0},
		{"fr FR", "", 0},
		{"xx", "", 0},
		{"md", "", 0},
		{"js", "", 0},
		{"zh-Abcd", "", 0},
		{"es-999", "", 0},
		{"en-US-u-va-posix", "", 0},
		{"en--US", "", 0},
		{"-en", "", 0},
		{"", "", 0},
		{"e1", "", 0},
		{"fr-12", "", 0},
		{"frança", "", 0},
	} {
		got, n, ok := Canonical(c.in)
		if got != c.want || ok != (c.want != "") || n != c.langLen {
			t.Errorf("Canonical(%q) = %q, %d, %v; want %q, %d", c.in, got, n, ok, c.want, c.langLen)
		}
	}
}

func TestMatch(t *testing.T) {
	site := []string{"en", "pt-BR", "zh-Hans", "zh-Hant", "es-419"}
	for _, c := range []struct {
		want []string
		got  string
	}{
		{[]string{"pt_BR"}, "pt-BR"},
		{[]string{"pt-PT"}, "pt-BR"},
		{[]string{"es-MX"}, "es-419"},
		{[]string{"zh-TW"}, "zh-Hant"},
		{[]string{"zh-CN"}, "zh-Hans"},
		{[]string{"de"}, ""},
		{[]string{"not a code", "de", "zh-HK"}, "zh-Hant"},
		{nil, ""},
	} {
		if got := Match(site, c.want...); got != c.got {
			t.Errorf("Match(%q) = %q, want %q", c.want, got, c.got)
		}
	}
}
