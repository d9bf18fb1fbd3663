package content

import (
	"cmp"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/themes"
	"gopkg.in/yaml.v3"
)

// readStrings reads the content folder's interface strings,
// i18n/<locale>.yaml, into the library; read reads a file the loader found.
func (l *loader) readStrings(read func(string) ([]byte, bool)) {
	l.lib.Strings = site.Strings{}
	var files []string
	for p := range l.assets {
		if path.Dir(p) == i18n.Dir && (path.Ext(p) == ".yaml" || path.Ext(p) == ".yml") {
			files = append(files, p)
		}
	}
	sort.Strings(files)
	seen := map[string]string{} // locale → its file
	for _, file := range files {
		loc, _, ok := i18n.Canonical(strings.TrimSuffix(path.Base(file), path.Ext(file)))
		if !ok {
			l.probs = append(l.probs, errorAt(site.KindConfig, file, 0, "", "%s: the file name must be a locale code like de.yaml, pt-BR.yaml or zh-Hans.yaml", file))
			continue
		}
		if prev, dup := seen[loc]; dup {
			// i18n/pt-br.yaml next to i18n/pt_BR.yaml: one locale.
			l.probs = append(l.probs, errorAt(site.KindConfig, file, 0, "", "%s: %s already holds the strings of %s: this file is not read; merge the two", file, prev, loc))
			continue
		}
		seen[loc] = file
		data, ok := read(file)
		if !ok {
			continue
		}
		if err := yaml.Unmarshal(data, new(yaml.Node)); err != nil {
			// Not YAML at all: said with its line in plain words, as the
			// other site files' errors are, and the strings being served
			// stay, as a broken guichet.yaml's settings do.
			l.probs = append(l.probs, yamlProblem(file, 0, file, ExplainYAML(data, err)))
			if l.prevLib != nil && l.prevLib.Strings[loc] != nil {
				l.lib.Strings[loc] = l.prevLib.Strings[loc]
				l.probs = append(l.probs, keptSiteFile(file, "interface strings"))
			}
			continue
		}
		m, errs := i18n.Parse(file, data)
		for _, err := range errs {
			if e := (*i18n.Error)(nil); errors.As(err, &e) {
				// The place says the file and line; the message, what is wrong.
				l.probs = append(l.probs, errorAt(site.KindConfig, file, e.Line, "", "%s", e.Msg))
				continue
			}
			l.probs = append(l.probs, errorAt(site.KindConfig, file, 0, "", "%v", err))
		}
		l.lib.Strings[loc] = m
	}
}

// themeWords returns the interface strings the renderer writes into
// articles (renderedWords) resolved as the server resolves every
// interface string (i18n.New): the default theme's, under the content
// folder's theme folder's (themeDir in fsys, when it has one), under own
// (the content folder's i18n/). A nil fsys gives the default theme's alone.
func themeWords(fsys fs.FS, themeDir string, own site.Strings, defaultLocale string, locales []string) *i18n.Catalog {
	theme := themes.Default(false)
	if fsys != nil && themeDir != "" {
		if st, err := fs.Stat(fsys, themeDir); err == nil && st.IsDir() {
			if sub, err := fs.Sub(fsys, themeDir); err == nil {
				theme = themes.Overlay(sub, theme)
			}
		}
	}
	// A theme file that does not parse is guichet check's to report
	// (site/check); the strings that did parse are used.
	strs, _ := i18n.ReadDir(theme)
	return i18n.New(strs, own, cmp.Or(defaultLocale, i18n.Reference), locales)
}
