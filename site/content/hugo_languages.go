package content

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
)

// HugoLanguageFolders returns a warning when the top of the content folder
// fsys holds Hugo's language folders (translation by content directory:
// content/en/, content/fr/): the default locale's folder and at least one
// other folder named with a two-letter locale code. Guichet reads them as
// categories ("En", "Fr") and a translation sharing its original's
// translationKey as a duplicate id; it reads a translation beside its
// original, its locale before the extension. The warning names the folder
// to serve and a file to move, and where.
func HugoLanguageFolders(fsys fs.FS, defaultLocale string) []site.Problem {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil
	}
	def := ""
	var others []string // folder names
	locales := map[string]string{}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		loc, n, ok := i18n.Canonical(e.Name())
		if !ok || n != 2 {
			continue
		}
		locales[e.Name()] = loc
		if strings.EqualFold(loc, defaultLocale) {
			def = e.Name()
		} else {
			others = append(others, e.Name())
		}
	}
	if def == "" || len(others) == 0 {
		return nil
	}
	sort.Strings(others)
	example := ""
	for _, o := range others {
		_ = fs.WalkDir(fsys, o, func(p string, d fs.DirEntry, err error) error {
			if err != nil || example != "" {
				return fs.SkipDir
			}
			if !d.IsDir() && isMarkdown(p) {
				rel := strings.TrimPrefix(p, o+"/")
				ext := path.Ext(rel)
				example = fmt.Sprintf(" (%s → %s)", p, path.Join(def, strings.TrimSuffix(rel, ext)+"."+locales[o]+ext))
				return fs.SkipAll
			}
			return nil
		})
		if example != "" {
			break
		}
	}
	list := make([]string, len(others))
	for i, o := range others {
		list[i] = locales[o]
	}
	return []site.Problem{{Severity: site.SeverityWarning, Kind: site.KindFile, File: def,
		Message: fmt.Sprintf("the folders %s/ and %s/ look like Hugo's language folders (content/<lang>/), which Guichet reads as categories: "+
			"it reads a translation beside its original, its locale before the extension; serve the %s folder (--content), move each file of %s/ there%s, "+
			"and list %s in `locales` in guichet.yaml",
			def, strings.Join(others, "/, "), def, strings.Join(others, "/, "), example, strings.Join(list, ", "))}}
}
