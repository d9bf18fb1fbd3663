package web

import (
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/guichet/guichet/site"
)

// strs returns the interface strings of locale in v's help center (the
// theme's, with the content folder's i18n/<locale>.yaml over them, after
// fallbacks to the language, the default locale and English).
func strs(v *site.View, locale string) map[string]string { return v.UI.Strings(locale) }

// langName is the name of a locale in its own language.
func langName(v *site.View, locale string) string { return v.UI.Name(locale) }

// negotiateLocale picks the best of supported for an Accept-Language header,
// or "" when none fits. Tags are read as browsers and apps write them
// (pt_BR too) and matched by CLDR's rules (golang.org/x/text/language):
// a region the site lacks goes to the language's version (es-MX →
// es-419, pt-PT → pt-BR), Chinese by script (zh-TW, zh-HK → zh-Hant,
// zh-CN → zh-Hans, else the one script the site has).
func negotiateLocale(header string, supported []string) string {
	type pref struct {
		tag language.Tag
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
		t, err := language.Parse(strings.TrimSpace(tag))
		if err != nil || q <= 0 {
			continue
		}
		prefs = append(prefs, pref{t, q})
	}
	if len(prefs) == 0 {
		return ""
	}
	sort.SliceStable(prefs, func(i, j int) bool { return prefs[i].q > prefs[j].q })
	tags := make([]language.Tag, 0, len(supported))
	for _, s := range supported {
		t, err := language.Parse(s)
		if err != nil {
			t = language.Und
		}
		tags = append(tags, t)
	}
	want := make([]language.Tag, len(prefs))
	for i, p := range prefs {
		want[i] = p.tag
	}
	_, i, conf := language.NewMatcher(tags).Match(want...)
	if conf == language.No {
		return ""
	}
	return supported[i]
}
