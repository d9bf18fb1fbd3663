package web

import (
	"sort"
	"strconv"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
)

// strs returns the interface strings of locale in v's help center (the
// theme's, with the content folder's i18n/<locale>.yaml over them, after
// fallbacks to the language, the default locale and English).
func strs(v *site.View, locale string) map[string]string { return v.UI.Strings(locale) }

// langName is the name of a locale in its own language.
func langName(v *site.View, locale string) string { return v.UI.Name(locale) }

// negotiateLocale picks the best of supported for an Accept-Language header,
// or "" when none fits: the preferences by their q, matched by
// i18n.Match (CLDR's rules: es-MX → es-419, zh-TW → zh-Hant; pt_BR read
// too).
func negotiateLocale(header string, supported []string) string {
	type pref struct {
		tag string
		q   float64
	}
	var prefs []pref
	for _, part := range strings.Split(header, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		tag, params, _ := strings.Cut(part, ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if q > 0 {
			prefs = append(prefs, pref{tag, q})
		}
	}
	sort.SliceStable(prefs, func(i, j int) bool { return prefs[i].q > prefs[j].q })
	want := make([]string, len(prefs))
	for i, p := range prefs {
		want[i] = p.tag
	}
	return i18n.Match(supported, want...)
}
