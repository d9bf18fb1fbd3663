// Package i18n holds the help center's interface strings and the locale
// rules around them: translation files (one YAML file per locale, keys to
// text with {placeholders}, or to CLDR plural forms), fallbacks from a
// locale to its language, the site's default locale and English, plural
// choice by CLDR rules (golang.org/x/text), numbers and dates in the
// locale's CLDR formats, and the writing direction of a locale.
package i18n

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/guichet/guichet/site"
)

// Reference is the locale whose file lists every key: the theme's English
// strings. Any other locale may lack some; they fall back.
const Reference = "en"

// Dir is the folder of a theme or content folder holding the translation
// files, i18n/<locale>.yaml.
const Dir = "i18n"

// pluralForms are the CLDR plural categories a message may give.
var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// Error is a mistake in a translation file, at a line of it.
type Error struct {
	File string
	Line int
	Msg  string
}

// Error implements error: "i18n/de.yaml:3: callout_tip must be …".
func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// yamlLine is the line a YAML parser's error names ("yaml: line 3: did
// not find expected key") and what it says.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse reads one translation file: a mapping of keys to text, or to a
// mapping of plural forms (which must include other). file names it in
// errors, each an *Error with the line (YAML that does not parse: the
// line its parser names, 0 when it names none).
func Parse(file string, data []byte) (map[string]site.Message, []error) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		msg, line := err.Error(), 0
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = "YAML: " + m[2]
		}
		return nil, []error{&Error{file, line, msg}}
	}
	out := map[string]site.Message{}
	if len(root.Content) == 0 {
		return out, nil
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return nil, []error{&Error{file, doc.Line, "a translation file is a mapping of keys to strings"}}
	}
	var errs []error
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		switch v.Kind {
		case yaml.ScalarNode:
			out[k.Value] = site.Message{"other": v.Value}
		case yaml.MappingNode:
			m := site.Message{}
			for j := 0; j+1 < len(v.Content); j += 2 {
				form, text := v.Content[j], v.Content[j+1]
				if !slices.Contains(pluralForms, form.Value) || text.Kind != yaml.ScalarNode {
					errs = append(errs, &Error{file, form.Line, fmt.Sprintf("%s.%s: plural forms are %s, each a string", k.Value, form.Value, strings.Join(pluralForms, ", "))})
					continue
				}
				m[form.Value] = text.Value
			}
			if m["other"] == "" {
				errs = append(errs, &Error{file, k.Line, k.Value + ": plural forms need at least other"})
				continue
			}
			out[k.Value] = m
		default:
			errs = append(errs, &Error{file, k.Line, k.Value + " must be a string or a mapping of plural forms"})
		}
	}
	return out, errs
}

// Layered is a theme made of two (themes.Overlay): over's files over
// base's.
type Layered interface {
	Layers() (over, base fs.FS)
}

// ReadDir reads every i18n/<locale>.yaml of fsys (missing folder: none).
// Of a Layered fsys (a content folder's theme/ over the default theme),
// each locale's strings are base's with over's added or reworded one by
// one: a theme file that rewords three strings keeps the others, as a
// content folder's i18n/ does, where taking over's file whole lost them.
func ReadDir(fsys fs.FS) (site.Strings, []error) {
	if l, ok := fsys.(Layered); ok {
		over, base := l.Layers()
		out, errs := ReadDir(base)
		top, topErrs := ReadDir(over)
		for loc, m := range top {
			merged := maps.Clone(out[loc])
			if merged == nil {
				merged = map[string]site.Message{}
			}
			maps.Copy(merged, m)
			out[loc] = merged
		}
		return out, append(errs, topErrs...)
	}
	out := site.Strings{}
	entries, err := fs.ReadDir(fsys, Dir)
	if err != nil {
		return out, nil
	}
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || (path.Ext(name) != ".yaml" && path.Ext(name) != ".yml") {
			continue
		}
		loc := strings.TrimSuffix(name, path.Ext(name))
		if tag, _, ok := Canonical(loc); ok {
			// de-at.yaml holds the strings of de-AT, as a content
			// folder's i18n/de-at.yaml does: under "de-at" no page
			// asked for them.
			loc = tag
		}
		file := path.Join(Dir, name)
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", file, err))
			continue
		}
		m, perrs := Parse(file, data)
		errs = append(errs, perrs...)
		out[loc] = m
	}
	return out, errs
}

// Catalog resolves interface strings: the content folder's over the
// theme's, a locale over its language ("pt-BR", then "pt"), then the site's
// default locale, then English. It is read-only and safe for concurrent use.
type Catalog struct {
	defaultLocale string
	theme, own    site.Strings
	// flat caches each locale's resolved strings (the "other" form of
	// plural messages), built for the locales given to New; langs the
	// language each is shown in (Langs).
	flat, langs map[string]map[string]string
}

// New builds the catalog of the theme's strings with the content's own over
// them, resolved for locales.
func New(theme, own site.Strings, defaultLocale string, locales []string) *Catalog {
	c := &Catalog{defaultLocale: defaultLocale, theme: theme, own: own, flat: map[string]map[string]string{}, langs: map[string]map[string]string{}}
	for _, loc := range append([]string{defaultLocale, Reference}, locales...) {
		c.flat[loc] = c.resolveAll(loc)
		c.langs[loc] = c.langsOf(loc)
	}
	return c
}

// chain is the order in which locale's strings are looked for.
func (c *Catalog) chain(locale string) []string {
	out := []string{locale}
	if base := Language(locale); base != locale {
		out = append(out, base)
	}
	for _, l := range []string{c.defaultLocale, Language(c.defaultLocale), Reference} {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// message returns the message of key in locale after fallbacks, and the
// locale it was found in.
func (c *Catalog) message(locale, key string) (site.Message, string) {
	for _, l := range c.chain(locale) {
		if m, ok := c.own[l][key]; ok {
			return m, l
		}
		if m, ok := c.theme[l][key]; ok {
			return m, l
		}
	}
	return nil, ""
}

func (c *Catalog) resolveAll(locale string) map[string]string {
	out := map[string]string{}
	for _, l := range c.chain(locale) {
		for _, src := range []site.Strings{c.theme, c.own} {
			for k := range src[l] {
				if _, done := out[k]; !done {
					m, _ := c.message(locale, k)
					out[k] = m["other"]
				}
			}
		}
	}
	return out
}

// Strings returns every string of locale after fallbacks, keyed for
// templates; a plural message gives its "other" form. The map is shared:
// callers must not change it.
func (c *Catalog) Strings(locale string) map[string]string {
	if m, ok := c.flat[locale]; ok {
		return m
	}
	return c.resolveAll(locale)
}

// Text returns key in locale with its {placeholders} filled from args
// (name, value, name, value…).
func (c *Catalog) Text(locale, key string, args ...string) string {
	m, _ := c.message(locale, key)
	return Fill(m["other"], args...)
}

// Plural returns key in locale in the plural form CLDR gives for n, with
// {count} replaced by n written the locale's way and other placeholders
// filled from args.
func (c *Catalog) Plural(locale, key string, n int, args ...string) string {
	m, found := c.message(locale, key)
	text, ok := m[PluralForm(found, n)]
	if !ok {
		text = m["other"]
	}
	return Fill(text, append([]string{"count", Number(locale, n)}, args...)...)
}

// ShownIn returns the locale whose string for key locale's pages show
// after fallbacks (locale itself when it has one), "" when none has it.
func (c *Catalog) ShownIn(locale, key string) string {
	_, found := c.message(locale, key)
	return found
}

// Langs returns, for every key of Strings(locale), the locale its string
// is shown in on locale's pages when that is another language than
// locale's (a string locale lacks, shown in the default locale's or in
// English: "en"), and "" when it is in locale's language (its own, or
// its base language's: pt for pt-BR). For the lang attribute of the
// elements showing a string. The map is shared: callers must not change
// it.
func (c *Catalog) Langs(locale string) map[string]string {
	if m, ok := c.langs[locale]; ok {
		return m
	}
	return c.langsOf(locale)
}

func (c *Catalog) langsOf(locale string) map[string]string {
	out := make(map[string]string, len(c.Strings(locale)))
	for k := range c.Strings(locale) {
		if found := c.ShownIn(locale, k); found != "" && Language(found) != Language(locale) {
			out[k] = found
		} else {
			out[k] = ""
		}
	}
	return out
}

// Forms returns the plural forms of key in locale after fallbacks.
func (c *Catalog) Forms(locale, key string) map[string]string {
	m, _ := c.message(locale, key)
	return m
}

// Fill replaces each {name} of s by its value; args alternate names and
// values. Unknown placeholders stay as written.
func Fill(s string, args ...string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	pairs := make([]string, 0, len(args))
	for i := 0; i+1 < len(args); i += 2 {
		pairs = append(pairs, "{"+args[i]+"}", args[i+1])
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

// PluralForm is the CLDR cardinal plural category of the integer n in
// locale ("one", "few", "other"...).
func PluralForm(locale string, n int) string {
	tag, err := language.Parse(locale)
	if err != nil {
		return "other"
	}
	if n < 0 {
		n = -n
	}
	switch plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0) {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

// Missing returns, for each of locales, the reference keys it has no
// string for in its own language (it or its base language, in the theme
// or the content folder): those are shown in a fallback language. Sorted.
func (c *Catalog) Missing(locales []string) map[string][]string {
	out := map[string][]string{}
	for _, loc := range locales {
		if Language(loc) == Reference {
			continue
		}
		var miss []string
		for k := range c.theme[Reference] {
			found := false
			for _, l := range []string{loc, Language(loc)} {
				if _, ok := c.own[l][k]; ok {
					found = true
				} else if _, ok := c.theme[l][k]; ok {
					found = true
				}
			}
			if !found {
				miss = append(miss, k)
			}
		}
		if len(miss) > 0 {
			sort.Strings(miss)
			out[loc] = miss
		}
	}
	return out
}

// Unknown returns the keys of the content folder's files that neither the
// theme's strings nor used (keys its templates use, as .T.key) name: a
// typo, or a key a newer theme dropped. By locale.
func (c *Catalog) Unknown(used map[string]bool) map[string][]string {
	out := map[string][]string{}
	for loc, m := range c.own {
		for k := range m {
			if _, ok := c.theme[Reference][k]; !ok && !used[k] {
				out[loc] = append(out[loc], k)
			}
		}
		sort.Strings(out[loc])
	}
	return out
}

// templateKey finds the strings a template uses: .T.key.
var templateKey = regexp.MustCompile(`\.T\.([A-Za-z0-9_]+)`)

// UsedKeys returns the keys the templates of theme (templates/*.html) use
// as .T.key.
func UsedKeys(theme fs.FS) map[string]bool {
	used := map[string]bool{}
	files, _ := fs.Glob(theme, "templates/*.html")
	for _, f := range files {
		data, err := fs.ReadFile(theme, f)
		if err != nil {
			continue
		}
		for _, m := range templateKey.FindAllSubmatch(data, -1) {
			used[string(m[1])] = true
		}
	}
	return used
}

// Language returns the base language of a locale tag ("pt-BR" → "pt").
func Language(locale string) string {
	if i := strings.IndexAny(locale, "-_"); i > 0 {
		return strings.ToLower(locale[:i])
	}
	return strings.ToLower(locale)
}

// OpenGraph is a locale as the Open Graph protocol writes og:locale,
// language_TERRITORY: the region the tag names, else the language's
// likely one by CLDR data ("de" → "de_DE", "en" → "en_US", "pt-BR" →
// "pt_BR", "zh-Hant" → "zh_TW"); Latin American Spanish, "es-419", is
// Facebook's "es_LA". A tag that does not parse is returned with "_".
func OpenGraph(locale string) string {
	tag, err := language.Parse(locale)
	if err != nil {
		return strings.ReplaceAll(locale, "-", "_")
	}
	base, _ := tag.Base()
	region, _ := tag.Region()
	if !region.IsCountry() {
		if base.String() == "es" && region.String() == "419" {
			return "es_LA"
		}
		b, _ := language.Compose(base)
		region, _ = b.Region()
	}
	return base.String() + "_" + region.String()
}

// rtlScripts are the scripts written right to left (ISO 15924).
var rtlScripts = []string{"Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr", "Mend", "Yezi"}

// Direction is "rtl" for a locale written right to left (its likely
// script, by CLDR data: Arabic, Hebrew, Persian, Urdu, Yiddish, Dhivehi,
// Pashto…; or the script the tag names, "az-Arab"), else "ltr".
func Direction(locale string) string {
	tag, err := language.Parse(locale)
	if err != nil {
		return "ltr"
	}
	script, _ := tag.Script()
	if slices.Contains(rtlScripts, script.String()) {
		return "rtl"
	}
	return "ltr"
}

// NameIn is a locale's name in the language of the locale in, for a
// sentence written in that language ("anglais" in French, "Englisch" in
// German): CLDR's name, else Name (the locale's own name).
func (c *Catalog) NameIn(locale, in string) string {
	if locale == in {
		return c.Name(locale)
	}
	return nameIn(locale, in, c.Name)
}

// Name is a locale's name in its own language ("Deutsch", "العربية"),
// from the theme's lang_name string, else CLDR's name, else the code.
func (c *Catalog) Name(locale string) string {
	if m, ok := c.own[locale]["lang_name"]; ok {
		return m["other"]
	}
	if m, ok := c.theme[locale]["lang_name"]; ok {
		return m["other"]
	}
	return nativeName(locale)
}
