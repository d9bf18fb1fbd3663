package check

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/web"
	"github.com/guichet/guichet/themes"
	"gopkg.in/yaml.v3"
)

// maxListed is how many missing keys a problem names before "and N more".
const maxListed = 12

// localeProblems checks what serves a help center in every language and
// in its brand: the content folder's theme files (they must parse), the
// interface strings each locale lacks (shown in another language), keys
// of i18n/ files no template uses, locales search has no analyzer for,
// locales whose readers find the default locale's articles instead of
// theirs, and the brand colour's contrast.
func localeProblems(fsys fs.FS, lib *site.Library, now time.Time) []site.Problem {
	var probs []site.Problem
	cfg := lib.Config
	theme := themes.Default(false)
	if _, err := fs.Stat(fsys, cfg.Theme); err != nil && cfg.Theme != "theme" && cfg.Theme != "" {
		probs = append(probs, site.Problem{Severity: site.SeverityWarning, Kind: site.KindTheme, File: "guichet.yaml", Field: "theme",
			Message: fmt.Sprintf("theme: the content folder has no folder %s; the default theme is used (remove the setting, or create the folder)", cfg.Theme)})
	}
	if st, err := fs.Stat(fsys, cfg.Theme); err == nil && st.IsDir() {
		sub, err := fs.Sub(fsys, cfg.Theme)
		if err == nil {
			theme = themes.Overlay(sub, theme)
			// A strings file's mistakes are reported below, each at its
			// file and line.
			if err := web.CheckTheme(theme, site.NewView(lib, now, false)); err != nil && !errors.As(err, new(*web.StringsError)) {
				pr := web.ThemeProblem(err, fsys, cfg.Theme)
				pr.Message += "; a running server keeps its last good theme until the file is fixed, and does not start on it"
				probs = append(probs, pr)
			}
		}
	}
	strs, errs := i18n.ReadDir(theme)
	for _, err := range errs {
		// At its path in the content folder, theme/i18n/de.yaml: named
		// i18n/de.yaml, it read as the content folder's own strings file.
		p := site.Problem{Severity: site.SeverityError, Kind: site.KindTranslation, File: cfg.Theme, Message: err.Error()}
		if e := (*i18n.Error)(nil); errors.As(err, &e) {
			p.File, p.Line, p.Message = path.Join(cfg.Theme, e.File), e.Line, e.Msg
		}
		p.Message += "; a running server keeps its last good theme until the file is fixed, and does not start on it"
		probs = append(probs, p)
	}
	probs = append(probs, unreadThemeStrings(fsys, cfg.Theme, lib.Locales())...)
	probs = append(probs, pluralOfSingular(fsys, cfg.Theme)...)
	cat := i18n.New(strs, lib.Strings, cfg.DefaultLocale, lib.Locales())
	for _, loc := range lib.Locales() {
		miss := cat.Missing([]string{loc})[loc]
		if len(miss) == 0 {
			continue
		}
		// Each missing string is shown in the first locale of the
		// catalog's fallbacks that has it: the default locale's, else
		// English. The default locale's language (the theme's pt under
		// a pt-BR default) is the default locale's strings too: one
		// language on the pages, named once.
		var shown []string
		for _, k := range miss {
			from := cat.ShownIn(loc, k)
			if from == i18n.Language(cfg.DefaultLocale) {
				from = cfg.DefaultLocale
			}
			if name := cat.Name(from); !slices.Contains(shown, name) {
				shown = append(shown, name)
			}
		}
		listed := miss
		more := ""
		if len(listed) > maxListed {
			listed, more = listed[:maxListed], fmt.Sprintf(" and %d more", len(miss)-maxListed)
		}
		file := stringsFile(fsys, loc)
		probs = append(probs, site.Problem{Severity: site.SeverityWarning, Kind: site.KindTranslation, File: file,
			Message: fmt.Sprintf("locale %s has no translation for %d interface strings, shown in %s: %s%s; add them to %s",
				loc, len(miss), strings.Join(shown, " or "), strings.Join(listed, ", "), more, file)})
	}
	used := i18n.UsedKeys(theme)
	var undefined []string
	for k := range used {
		if _, ok := cat.Strings(cfg.DefaultLocale)[k]; !ok {
			undefined = append(undefined, k)
		}
	}
	if len(undefined) > 0 {
		sort.Strings(undefined)
		probs = append(probs, site.Problem{Severity: site.SeverityError, Kind: site.KindTranslation, File: i18n.Dir + "/" + cfg.DefaultLocale + ".yaml",
			Message: fmt.Sprintf("the theme's templates use %s, which neither the default locale %s nor English defines: pages cannot render; add them to %s/%s.yaml",
				strings.Join(undefined, ", "), cfg.DefaultLocale, i18n.Dir, cfg.DefaultLocale)})
	}
	for loc, keys := range cat.Unknown(used) {
		if len(keys) > 0 {
			probs = append(probs, site.Problem{Severity: site.SeverityWarning, Kind: site.KindTranslation, File: stringsFile(fsys, loc),
				Message: fmt.Sprintf("the theme uses no string named %s: a typo, or a key the theme dropped", strings.Join(keys, ", "))})
		}
	}
	for _, loc := range lib.Locales() {
		if !search.HasAnalyzer(loc) {
			probs = append(probs, site.Problem{Severity: site.SeverityWarning, Kind: site.KindConfig, File: "guichet.yaml", Field: "locales",
				Message: fmt.Sprintf("search has no analyzer for locale %s: its articles are searched with the standard analysis (accents and case folded, typos forgiven, but no stemming or stop words)", loc)})
		}
	}
	probs = append(probs, untranslatedLocales(fsys, lib, now, cat)...)
	probs = append(probs, untranslatedCategories(fsys, lib, now, cat)...)
	if p := brandContrast(cfg.BrandColor); p != nil {
		probs = append(probs, *p)
	}
	return probs
}

// stringsFile is the content folder's file of locale's interface strings
// as the writer named it (i18n/pt-br.yaml for pt-BR, i18n/de.yml), else
// the name to create: i18n/<locale>.yaml.
func stringsFile(fsys fs.FS, locale string) string {
	entries, _ := fs.ReadDir(fsys, i18n.Dir)
	for _, e := range entries {
		ext := path.Ext(e.Name())
		if e.IsDir() || ext != ".yaml" && ext != ".yml" {
			continue
		}
		if loc, _, ok := i18n.Canonical(strings.TrimSuffix(e.Name(), ext)); ok && loc == locale {
			return i18n.Dir + "/" + e.Name()
		}
	}
	return i18n.Dir + "/" + locale + ".yaml"
}

// untranslatedLocales warns about the locales of locales: whose pages show
// the default locale's articles instead of their own (a translation not
// started, or a language being added): one without published articles,
// naming the file to write first, and one with articles in some top-level
// categories only, naming the others. Warnings: the site serves them, in
// the default locale, marked as such (see "Languages and brand").
func untranslatedLocales(fsys fs.FS, lib *site.Library, now time.Time, cat *i18n.Catalog) []site.Problem {
	v := site.NewView(lib, now, false)
	def := lib.Config.DefaultLocale
	line := content.ConfigLine(fsys, "locales")
	var probs []site.Problem
	warn := func(format string, args ...any) {
		probs = append(probs, site.Problem{Severity: site.SeverityWarning, Kind: site.KindConfig, File: "guichet.yaml", Line: line, Field: "locales",
			Message: fmt.Sprintf(format, args...)})
	}
	for _, loc := range lib.Locales() {
		if loc == def {
			continue
		}
		if len(v.ByLocale[loc]) == 0 {
			unpublished := 0
			for _, a := range lib.Articles {
				if a.Locale == loc {
					unpublished++
				}
			}
			yet := "no articles yet"
			if unpublished > 0 {
				yet = fmt.Sprintf("no published articles yet (%s, drafts or scheduled)", site.Count(unpublished, "article"))
			}
			like := ""
			if list := v.ByLocale[def]; len(list) > 0 {
				src := list[0].SourcePath
				ext := path.Ext(src)
				stem := strings.TrimSuffix(src, ext)
				if l, _, ok := i18n.Canonical(strings.TrimPrefix(path.Ext(stem), ".")); ok && l == def {
					stem = strings.TrimSuffix(stem, path.Ext(stem)) // refund.en.md: the default locale named too
				}
				like = fmt.Sprintf(", like %s next to %s", stem+"."+loc+ext, src)
			}
			warn("locales: %s has %s; /%s/ shows the categories and articles in %s, marked as such, until its translations are published%s",
				loc, yet, loc, cat.Name(def), like)
			continue
		}
		top := v.TopCategories(def)
		var missing []string
		for _, c := range top {
			if v.CountIn(c.ID, loc) == 0 {
				missing = append(missing, c.Title)
			}
		}
		if len(missing) == 0 {
			continue
		}
		n, more := len(missing), ""
		if n > maxListed {
			more = fmt.Sprintf(" and %d more", n-maxListed)
			missing = missing[:maxListed]
		}
		warn("locales: %s has no articles in %d of %d categories yet (%s%s); /%s/ lists them in %s, marked as such",
			loc, n, len(top), strings.Join(missing, ", "), more, loc, cat.Name(def))
	}
	return probs
}

// untranslatedCategories warns about each category (or section) holding
// published articles of a locale but no title in it: no _index.<locale>.md,
// or one without a title. Its pages in that locale show the default
// locale's title over the locale's articles (in the heading, breadcrumbs,
// cards and lists, marked lang="en"): a translation half done, named with
// the file to write. Categories without articles of the locale are left
// to untranslatedLocales (the whole category is then in the default
// locale, as it should be).
func untranslatedCategories(fsys fs.FS, lib *site.Library, now time.Time, cat *i18n.Catalog) []site.Problem {
	v := site.NewView(lib, now, false)
	def := lib.Config.DefaultLocale
	var probs []site.Problem
	for _, c := range lib.Categories {
		if c.Locale == def || c.Lang == c.Locale {
			continue
		}
		n := v.CountIn(c.ID, c.Locale)
		if n == 0 {
			continue
		}
		file := c.ID + "/_index." + c.Locale + ".md"
		fix := "add " + file + " with its title"
		if _, err := fs.Stat(fsys, file); err == nil {
			fix = "give " + file + " a title"
		}
		probs = append(probs, site.Problem{Severity: site.SeverityWarning, Kind: site.KindTranslation, File: file, Field: "title",
			Message: fmt.Sprintf("category %s holds %s in %s but has no %s title: /%s/ pages show its %s title %q over them, marked as such; %s",
				c.ID, site.Count(n, "article"), cat.NameIn(c.Locale, "en"), cat.NameIn(c.Locale, "en"), c.Locale, cat.NameIn(def, "en"), c.Title, fix)})
	}
	return probs
}

// unreadThemeStrings warns of the content folder's theme strings files
// (themeDir/i18n/*.yaml) that no page reads: a name that is no locale code
// (xx_YY.yaml), as the content folder's own i18n/ file is an error, and a
// locale the site lacks (fr.yaml on an English and German site). A file
// is read by the locale it names, by a regional locale of its language
// (de.yaml under de-AT) and, for English, as every locale's last
// fallback. Warnings, not errors: an error would stop the server on a
// theme that works.
func unreadThemeStrings(fsys fs.FS, themeDir string, locales []string) []site.Problem {
	if themeDir == "" {
		return nil
	}
	entries, err := fs.ReadDir(fsys, path.Join(themeDir, i18n.Dir))
	if err != nil {
		return nil
	}
	var probs []site.Problem
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || path.Ext(name) != ".yaml" && path.Ext(name) != ".yml" {
			continue
		}
		file := path.Join(themeDir, i18n.Dir, name)
		tag, _, ok := i18n.Canonical(strings.TrimSuffix(name, path.Ext(name)))
		if !ok {
			probs = append(probs, site.Problem{Severity: site.SeverityWarning, Kind: site.KindTranslation, File: file,
				Message: fmt.Sprintf("%s: the file name must be a locale code like de.yaml, pt-BR.yaml or zh-Hans.yaml; no page reads this file", file)})
			continue
		}
		read := strings.EqualFold(tag, "en")
		for _, loc := range locales {
			read = read || strings.EqualFold(loc, tag) || strings.EqualFold(i18n.Language(loc), tag)
		}
		if !read {
			probs = append(probs, site.Problem{Severity: site.SeverityWarning, Kind: site.KindTranslation, File: file,
				Message: fmt.Sprintf("%s holds the strings of %s, and no locale of the site reads it (locales: %s): add %s to locales in guichet.yaml, or remove the file", file, tag, strings.Join(locales, ", "), tag)})
		}
	}
	return probs
}

// pluralOfSingular warns, at its file and line, of plural forms given to
// a string the default theme writes as one (`callout_note: {one: x,
// other: y}`), in the content folder's i18n/ and its theme's: the pages
// show its other form, never the one written for one. A key the default
// theme does not have is not judged.
func pluralOfSingular(fsys fs.FS, themeDir string) []site.Problem {
	def, _ := i18n.ReadDir(themes.Default(false))
	single := map[string]bool{}
	for _, msgs := range def {
		for k, m := range msgs {
			if _, seen := single[k]; !seen || len(m) > 1 {
				single[k] = len(m) == 1
			}
		}
	}
	var probs []site.Problem
	dirs := []string{i18n.Dir}
	if themeDir != "" {
		dirs = append(dirs, path.Join(themeDir, i18n.Dir))
	}
	for _, dir := range dirs {
		entries, _ := fs.ReadDir(fsys, dir)
		for _, e := range entries {
			if e.IsDir() || path.Ext(e.Name()) != ".yaml" && path.Ext(e.Name()) != ".yml" {
				continue
			}
			file := path.Join(dir, e.Name())
			data, err := fs.ReadFile(fsys, file)
			var root yaml.Node
			if err != nil || yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
				continue // the file's own error
			}
			doc := root.Content[0]
			for i := 0; i+1 < len(doc.Content); i += 2 {
				k, v := doc.Content[i], doc.Content[i+1]
				if v.Kind == yaml.MappingNode && single[k.Value] {
					probs = append(probs, site.Problem{Severity: site.SeverityWarning, Kind: site.KindTranslation, File: file, Line: k.Line,
						Message: fmt.Sprintf("%s: plural forms for a string that is not plural: the pages show its other form always; give it one string (%s: \"…\")", k.Value, k.Value)})
				}
			}
		}
	}
	return probs
}
