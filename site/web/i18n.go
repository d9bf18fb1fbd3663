package web

import (
	"sort"
	"strconv"
	"strings"

	"github.com/guichet/guichet/site"
)

// strs returns the interface strings of locale in v's help center (the
// theme's, with the content folder's i18n/<locale>.yaml over them, after
// fallbacks to the language, the default locale and English).
func strs(v *site.View, locale string) map[string]string { return v.UI.Strings(locale) }

// langName is the name of a locale in its own language.
func langName(v *site.View, locale string) string { return v.UI.Name(locale) }

// negotiateLocale picks the best of supported for an Accept-Language header,
// or "" when none matches.
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
		prefs = append(prefs, pref{strings.ToLower(strings.TrimSpace(tag)), q})
	}
	sort.SliceStable(prefs, func(i, j int) bool { return prefs[i].q > prefs[j].q })
	for _, p := range prefs {
		if p.q <= 0 {
			continue
		}
		for _, s := range supported {
			ls := strings.ToLower(s)
			if p.tag == ls {
				return s
			}
		}
		base, _, _ := strings.Cut(p.tag, "-")
		for _, s := range supported {
			sb, _, _ := strings.Cut(strings.ToLower(s), "-")
			if base == sb {
				return s
			}
		}
	}
	return ""
}
