package site

import "strings"

// Localized returns a translatable setting of guichet.yaml ("title",
// "description", "contact_url") in locale: the value written for locale,
// else for its base language ("pt" for "pt-BR"), else the default
// locale's value, fallback.
func (c Config) Localized(setting, locale, fallback string) string {
	if m := c.Translated[setting]; m != nil {
		if v, ok := m[locale]; ok {
			return v
		}
		for i := 0; i < len(locale); i++ {
			if locale[i] == '-' {
				if v, ok := m[locale[:i]]; ok {
					return v
				}
				break
			}
		}
	}
	return fallback
}

// CheckLocale returns nil when locale is empty (every locale) or one of
// locales (the site's, Library.Locales), else UnknownLocale's error: the
// guard of services given a locale their callers read with
// i18n.Resolve.
func CheckLocale(locale string, locales []string) error {
	for _, l := range locales {
		if l == locale {
			return nil
		}
	}
	if locale == "" {
		return nil
	}
	return UnknownLocale(locale, locales)
}

// UnknownLocale is the EINVALID error of a locale a request, a filter or a
// command names that is none of the site's locales and whose readers
// expect none of them (i18n.Resolve); it names the locale as asked and
// the site's locales.
func UnknownLocale(locale string, locales []string) error {
	return Errorf(EINVALID, "locale: %q is not a locale of this help center (%s)", locale, strings.Join(locales, ", "))
}

// Message is one interface string: its forms by CLDR plural category
// ("zero", "one", "two", "few", "many", "other"). A string without plural
// forms has only "other". Text may hold {placeholders}.
type Message map[string]string

// Strings are interface strings by locale, then by key.
type Strings map[string]map[string]Message

// Localizer gives a help center's interface strings in a locale, after
// fallbacks (see package site/i18n). The web server sets View.UI to the
// theme's strings with the content folder's over them.
type Localizer interface {
	// Strings returns every string of locale by key (a plural message
	// gives its "other" form); callers must not change the map.
	Strings(locale string) map[string]string
	// Text returns key with its {placeholders} filled from args (name,
	// value, name, value…).
	Text(locale, key string, args ...string) string
	// Plural returns key in the CLDR plural form of n, {count} written
	// the locale's way.
	Plural(locale, key string, n int, args ...string) string
	// Forms returns key's plural forms in locale ("one", "other"...), for
	// scripts that choose among them.
	Forms(locale, key string) map[string]string
	// Langs returns, for every key of Strings(locale), the locale its
	// string is shown in when that is another language than locale's (a
	// string the locale lacks, shown in a fallback), "" when it is in
	// locale's language; callers must not change the map.
	Langs(locale string) map[string]string
	// Name is a locale's name in its own language.
	Name(locale string) string
	// NameIn is a locale's name in the language of the locale in, for a
	// sentence in that language ("anglais" in French).
	NameIn(locale, in string) string
}
