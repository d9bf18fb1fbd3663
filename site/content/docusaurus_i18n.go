package content

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
)

// docusaurusDocsI18n is where a Docusaurus site keeps the translations of
// its docs, under i18n/<locale>/: the same tree as docs/, one file per
// translated doc.
const docusaurusDocsI18n = "docusaurus-plugin-content-docs/current"

// docusaurusPlugin reports whether folder name, inside i18n/<locale>/, is
// one a Docusaurus site keeps its translations in (docs, blog, pages,
// theme strings): not articles of a category "i18n".
func docusaurusPlugin(dir, name string) bool {
	return path.Dir(dir) == i18n.Dir && strings.HasPrefix(name, "docusaurus-")
}

// DocusaurusTranslations returns a warning for each locale whose docs a
// Docusaurus site translated under i18n/<locale>/docusaurus-plugin-content-docs/current/
// in fsys, which Guichet does not read there: it reads a translation as a
// file beside its original, named with its locale (setup.fr.md). from is
// the path of fsys's root seen from the content folder ("." when the
// content folder is the site's root, ".." when it is its docs/ folder) and
// docs the path of the docs from the content folder ("docs" or "."); the
// warnings name the files to move, and where.
func DocusaurusTranslations(fsys fs.FS, from, docs string) []site.Problem {
	locales, err := fs.ReadDir(fsys, i18n.Dir)
	if err != nil {
		return nil
	}
	var probs []site.Problem
	for _, l := range locales {
		if !l.IsDir() {
			continue
		}
		loc, _, ok := i18n.Canonical(l.Name())
		if !ok {
			loc = l.Name()
		}
		root := path.Join(i18n.Dir, l.Name(), docusaurusDocsI18n)
		var files []string
		_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && isMarkdown(p) {
				files = append(files, strings.TrimPrefix(p, root+"/"))
			}
			return nil
		})
		if len(files) == 0 {
			continue
		}
		first := files[0]
		ext := path.Ext(first)
		to := path.Join(docs, strings.TrimSuffix(first, ext)+"."+loc+ext)
		n := "1 translated doc is"
		if len(files) > 1 {
			n = fmt.Sprintf("%d translated docs are", len(files))
		}
		serve := ""
		if docs != "." {
			serve = fmt.Sprintf(", and serve the %s folder (--content)", docs)
		}
		probs = append(probs, site.Problem{Severity: site.SeverityWarning, Kind: site.KindFile,
			File: path.Join(from, root),
			Message: fmt.Sprintf("%s not read from Docusaurus' i18n folder: Guichet reads a translation beside its original, its locale before the extension; "+
				"move each file there (%s → %s), list %s in `locales` in guichet.yaml%s",
				n, path.Join(from, root, first), to, loc, serve)})
	}
	return probs
}
