package i18n

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Canonical reads a locale code as writers write it, in any case and with
// "-" or "_" between its parts: a language of two or three letters ("fr",
// "fil"), then optionally a script of four letters ("zh-Hans") and a
// region of two letters or three digits ("pt-BR", "es-419"), each one
// CLDR knows (BCP 47's common shapes; no variants or extensions). It
// returns the code in BCP 47's casing ("pt-br" → "pt-BR", "ZH_hans" →
// "zh-Hans"), the language's length, and whether s is such a code.
func Canonical(s string) (tag string, languageLen int, ok bool) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) == 0 || len(parts) > 3 || strings.Count(s, "-")+strings.Count(s, "_") != len(parts)-1 {
		return "", 0, false
	}
	for _, p := range parts {
		for _, r := range p {
			if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
				return "", 0, false
			}
		}
	}
	lang := strings.ToLower(parts[0])
	if len(lang) < 2 || len(lang) > 3 || !letters(lang) {
		return "", 0, false
	}
	if _, err := language.ParseBase(lang); err != nil {
		return "", 0, false
	}
	out := []string{lang}
	rest := parts[1:]
	if len(rest) > 0 && len(rest[0]) == 4 && letters(rest[0]) {
		script := strings.ToUpper(rest[0][:1]) + strings.ToLower(rest[0][1:])
		if _, err := language.ParseScript(script); err != nil {
			return "", 0, false
		}
		out, rest = append(out, script), rest[1:]
	}
	if len(rest) > 0 {
		region := strings.ToUpper(rest[0])
		r, err := language.ParseRegion(region)
		if err != nil || r.String() != region || !(len(region) == 2 && letters(region) || len(region) == 3 && digits(region)) {
			return "", 0, false
		}
		out, rest = append(out, region), rest[1:]
	}
	if len(rest) > 0 {
		return "", 0, false
	}
	return strings.Join(out, "-"), len(lang), true
}

func letters(s string) bool {
	for _, r := range strings.ToLower(s) {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Resolve reads a locale a request or a command names as one of
// supported, the one rule every API parameter, insights filter and
// command flag applies: the locale itself in any case and with "-" or "_"
// ("pt_br" is pt-BR), else the version its readers expect (Match: it_IT is
// it, es-MX is es-419). ok is false when asked is empty, a list ("fr,
// en"), not a locale code, or fits none of supported.
func Resolve(supported []string, asked string) (locale string, ok bool) {
	asked = strings.TrimSpace(asked)
	if asked == "" || strings.ContainsAny(asked, ",;") {
		return "", false
	}
	if tag, _, ok := Canonical(asked); ok {
		for _, l := range supported {
			if l == tag {
				return l, true
			}
		}
	}
	if l := Match(supported, asked); l != "" {
		return l, true
	}
	return "", false
}

// Match returns the locale of supported that readers of want (locale
// codes in order of preference, as browsers, apps and helpdesks write
// them: "pt_BR" too) expect, by CLDR's rules: a region the site lacks goes
// to the language's version (es-MX → es-419, fr-CA → fr, pt-PT → pt-BR),
// Chinese by script (zh-TW, zh-HK → zh-Hant, zh-CN → zh-Hans, else the
// one script supported has). It returns "" when none fits; a code that
// does not parse is skipped.
func Match(supported []string, want ...string) string {
	var tags []language.Tag
	for _, w := range want {
		if t, err := language.Parse(strings.TrimSpace(w)); err == nil {
			tags = append(tags, t)
		}
	}
	if len(tags) == 0 || len(supported) == 0 {
		return ""
	}
	_, i, conf := matcherOf(supported).Match(tags...)
	if conf == language.No {
		return ""
	}
	return supported[i]
}

// matchers keeps a matcher per list of supported locales: making one
// costs tens of microseconds and hundreds of allocations, and a site has
// one list per publication, asked on every request that negotiates.
var matchers sync.Map // supported joined by "\n" → language.Matcher

// matcherOf returns the matcher of supported, made once.
func matcherOf(supported []string) language.Matcher {
	key := strings.Join(supported, "\n")
	if m, ok := matchers.Load(key); ok {
		return m.(language.Matcher)
	}
	have := make([]language.Tag, 0, len(supported))
	for _, s := range supported {
		t, err := language.Parse(s)
		if err != nil {
			t = language.Und
		}
		have = append(have, t)
	}
	m, _ := matchers.LoadOrStore(key, language.NewMatcher(have))
	return m.(language.Matcher)
}

// LanguageOf returns the base language, as a code, of a language written
// as helpdesks and browsers write one: a tag in any case and with "-" or
// "_" ("ko-KR", "ja_JP", "ZH-hant" → "ko", "ja", "zh") or the language's
// name in English or in itself ("Japanese", "日本語", "Korean", "한국어"
// → "ja", "ko"), so that one language is counted once however it was
// written. "" when s is neither (a code CLDR does not know, "xx").
func LanguageOf(s string) string {
	s = strings.TrimSpace(s)
	if tag, _, ok := Canonical(s); ok {
		if t, err := language.Parse(tag); err == nil {
			if b, conf := t.Base(); conf != language.No {
				return b.String()
			}
		}
		return ""
	}
	return languageNames()[strings.ToLower(s)]
}

// languageNames maps the lower-cased English and own names of the
// languages with a two-letter code to that code (see LanguageOf).
var languageNames = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			base, err := language.ParseBase(string([]rune{a, b}))
			if err != nil {
				continue
			}
			tag, _ := language.Compose(base)
			code := base.String()
			for _, n := range []string{display.English.Languages().Name(base), display.Self.Name(tag)} {
				if n = strings.ToLower(n); n != "" && out[n] == "" {
					out[n] = code
				}
			}
		}
	}
	return out
})
