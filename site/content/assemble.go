package content

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
	"gopkg.in/yaml.v3"
)

// key is a value per locale: an article's id or URL.
type key struct{ locale, v string }

// assemble turns parsed sources into articles and categories: ids, URLs,
// dates, duplicate checks. Files are taken in path order, so of two files
// claiming the same id or URL the later one is rejected, except that a
// file whose id is its path keeps it over one setting that id in its
// front matter.
func (l *loader) assemble(dates map[string]time.Time) {
	ids := make(map[key]string, len(l.sources))
	urls := make(map[key]string, len(l.sources))
	folderURLs := map[string]string{} // slugPath of each folder, made once
	folderURL := func(dir string) string {
		u, ok := folderURLs[dir]
		if !ok {
			u = slugPath(dir)
			folderURLs[dir] = u
		}
		return u
	}
	indexes := map[string]map[string]*source{} // dir → locale → _index
	dirs := map[string]bool{}
	l.findBundles()
	givenIDs := l.givenIDs()
	// The ids files have by their path: such a file keeps its id over
	// one that sets the same id in its front matter, whatever their
	// order, and the error names the file that set it.
	byPath := map[key]string{}
	for _, s := range l.sources {
		if s.ok && !s.name.index && !s.meta.hasID {
			if id, given := l.articleID(s, givenIDs); !given {
				byPath[key{s.locale, id}] = s.path
			}
		}
	}
	l.probs = append(l.probs, l.translationsWithoutOriginal()...)
	// The URLs files have by their name: such a file keeps its URL over
	// one whose `slug` gives the same, whatever their order, and the
	// error names the file that set the slug.
	urlByName := map[key]string{}
	for _, s := range l.sources {
		if s.ok && !s.name.index && s.meta.a != nil && s.meta.a.Slug == "" {
			if u := l.nameURL(s, folderURL); u != "" {
				urlByName[key{s.locale, u}] = s.path
			}
		} else if old := l.previous[s.path]; !s.ok && !s.name.index && old != nil && old.URL == l.nameURL(s, folderURL) {
			// A broken file whose last good version is served (keep)
			// holds its URL too: a slug that gave another file the same
			// URL does not take it over while the file is fixed.
			urlByName[key{s.locale, old.URL}] = s.path
		}
	}
	for _, s := range l.sources {
		l.probs = append(l.probs, s.probs...)
		for d := s.dir; d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
		if !s.ok {
			if !s.name.index {
				l.broken(s, ids, urls)
			}
			continue
		}
		if s.name.index {
			if indexes[s.dir] == nil {
				indexes[s.dir] = map[string]*source{}
			}
			if prev := indexes[s.dir][s.locale]; prev != nil {
				// _index.pt-br.md next to _index.pt-BR.md: one locale.
				l.probs = append(l.probs, errorAt(site.KindDuplicate, s.path, 0, "",
					"%s is already the category's %s: this file is not used; merge the two", prev.path, s.locale))
				continue
			}
			indexes[s.dir][s.locale] = s
			continue
		}
		// The article read is the one published: a reading kept in the
		// memo is a copy (Memo.remember, source.reuse).
		a := s.meta.a
		if a == nil {
			a = &site.Article{}
		}
		a.Locale = s.locale
		a.SourcePath = s.path
		stem := s.name.stem
		if s.bundle != "" {
			stem = path.Base(s.bundle) // a page bundle is named by its folder
		}
		if !s.meta.hasID {
			a.ID, _ = l.articleID(s, givenIDs)
		} else if owner, taken := byPath[key{a.Locale, a.ID}]; taken {
			l.probs = append(l.probs, errorAt(site.KindDuplicate, s.path, max(s.meta.idLine, 1), idField(s.meta),
				"duplicate id %q%s in locale %s: it is the id of %s, by its path; this article is skipped (choose another `%s`)", a.ID, fromField(s.meta), a.Locale, owner, idField(s.meta)))
			continue
		}
		if a.Slug == "" {
			// File names become clean URL segments: "Clip Art.md" → "clip-art".
			a.Slug = slugify(stem)
		}
		if a.Slug == "" {
			a.Slug = s.name.stem
		}
		// One spelling per URL: a slug typed with decomposed accents (as
		// macOS writes names) is the composed one (see textnorm.Normalize).
		a.Slug = textnorm.Normalize(a.Slug)
		a.CategoryID, _, _ = strings.Cut(s.dir, "/")
		a.SectionID = s.dir
		a.URL = l.localePrefix(a.Locale) + "/" + folderURL(s.dir) + "/" + a.Slug
		resolveAliases(a, l.localePrefix(a.Locale))
		if !s.meta.updated {
			if t, ok := dates[s.path]; ok {
				a.Updated = t
			} else {
				a.Updated = s.modTime.UTC()
			}
		}
		if prev, dup := ids[key{a.Locale, a.ID}]; dup {
			l.probs = append(l.probs, errorAt(site.KindDuplicate, s.path, max(s.meta.idLine, 1), idField(s.meta), "%s", duplicateIDMessage(a, s.meta, prev)))
			continue
		}
		if prev, dup := urls[key{a.Locale, a.URL}]; dup {
			l.probs = append(l.probs, errorAt(site.KindDuplicate, s.path, max(s.meta.slugLine, 1), "slug",
				"duplicate URL %s: already used by %s; this article is skipped (give it another `slug`, or rename the file)", a.URL, prev))
			continue
		}
		if owner, taken := urlByName[key{a.Locale, a.URL}]; taken && owner != s.path && s.meta.slugLine > 0 {
			l.probs = append(l.probs, errorAt(site.KindDuplicate, s.path, s.meta.slugLine, "slug",
				"duplicate URL %s: it is the URL of %s, by its file name; this article is skipped (give it another `slug`)", a.URL, owner))
			continue
		}
		ids[key{a.Locale, a.ID}] = s.path
		urls[key{a.Locale, a.URL}] = s.path
		s.article = a
		l.lib.Articles = append(l.lib.Articles, a)
	}
	l.inheritTranslations()
	for d := range dirs {
		l.dirs = append(l.dirs, d)
	}
	sort.Strings(l.dirs)
	l.buildCategories(indexes)
	// Built when first needed: a restart that renders nothing and checks
	// no link into another article's heading needs neither.
	l.byPath = sync.OnceValue(func() map[string]*site.Article {
		byPath := make(map[string]*site.Article, len(l.lib.Articles))
		for _, a := range l.lib.Articles {
			byPath[textnorm.Normalize(a.SourcePath)] = a
		}
		return byPath
	})
	l.resolver = sync.OnceValue(func() *resolver { return newResolver(l, l.byPath()) })
}

// articleID is the id of the article of s, a source whose front matter
// sets none: its path without the extension (a page bundle by its
// folder), or, for a translation, the id its default-locale file sets
// (givenIDs; given is then true).
func (l *loader) articleID(s *source, givenIDs map[string]string) (id string, given bool) {
	stem := s.name.stem
	if s.bundle != "" {
		stem = path.Base(s.bundle)
	}
	id = path.Join(s.dir, stem)
	// A translation without an id of its own is its default-locale
	// file's translation, whatever id that file gives itself.
	if g, ok := givenIDs[id]; ok && s.locale != l.lib.Config.DefaultLocale {
		return g, true
	}
	return id, false
}

// translationsWithoutOriginal warns about each translation
// (billing/invoice.de.md) that sets no id and has no default-locale file
// of its name (billing/invoice.md): it is the translation of nothing,
// most often of an original renamed or deleted since, and is served in
// its locale only, with no version to switch to. A translation that sets
// an id (or Hugo's translationKey) says whose it is, and is left alone.
func (l *loader) translationsWithoutOriginal() []site.Problem {
	def := l.lib.Config.DefaultLocale
	originals := map[string]bool{}
	for _, s := range l.sources {
		if !s.name.index && s.locale == def {
			id, _ := l.articleID(s, nil)
			originals[id] = true
		}
	}
	var probs []site.Problem
	for _, s := range l.sources {
		if !s.ok || s.name.index || s.locale == def || s.meta.hasID {
			continue
		}
		if id, _ := l.articleID(s, nil); !originals[id] {
			ext := path.Ext(s.path)
			probs = append(probs, warningAt(site.KindTranslation, s.path, 0, "",
				"a %s translation of %s, which does not exist: it is served in %s only, with no %s version to switch to; if the original was renamed, rename this file after it or set `id:` to the original's id (or give it an id of its own, for an article written in %s only)",
				s.locale, id+ext, s.locale, def, s.locale))
		}
	}
	return append(probs, l.draftIDsOfElsewhere(originals)...)
}

// draftIDsOfElsewhere warns about each draft in another locale than the
// default that sets the id of a default-locale file in another place
// than its own, a file that does not exist: the id `gaps stub` gives
// such a draft (drafts/gift-wrapping for drafts/gift-wrapping.fr.md) once
// the writer moved or renamed it (billing/gift-wrapping.fr.md). Its
// default-locale version would share that id only at the old place, not
// next to it; a draft has no readers' history to keep under its id, so
// the warning says to set the one of its own place. Published articles,
// whose id keeps their history, and ids that name no folder (given on
// purpose) are left alone. originals holds the ids of the default
// locale's files by their path.
func (l *loader) draftIDsOfElsewhere(originals map[string]bool) []site.Problem {
	def := l.lib.Config.DefaultLocale
	for _, s := range l.sources {
		if s.ok && !s.name.index && s.locale == def && s.meta.a != nil {
			originals[s.meta.a.ID] = true
		}
	}
	var probs []site.Problem
	for _, s := range l.sources {
		if !s.ok || s.name.index || s.locale == def || !s.meta.hasID || s.meta.idField != "id" || s.meta.a == nil || !s.meta.a.Draft {
			continue
		}
		id := s.meta.a.ID
		own, _ := l.articleID(s, nil)
		if id == own || !strings.Contains(id, "/") || originals[id] {
			continue
		}
		probs = append(probs, warningAt(site.KindTranslation, s.path, s.meta.idLine, "id",
			"this %s draft sets id: %s, the id of %s.md, a file that does not exist (the folder it was drafted in, likely, before it was moved or renamed): its %s version would translate it only written there or setting that id, not as %s.md beside it; set id: %s, this file's own, so that %s.md translates it (a draft has no readers' history to keep under the old id)",
			s.locale, id, id, def, own, own, own))
	}
	return probs
}

// givenIDs maps the path of each default-locale article whose front
// matter sets an id (billing/refund for billing/refund.md) to that id, for
// its translations (billing/refund.fr.md) that set none.
func (l *loader) givenIDs() map[string]string {
	ids := map[string]string{}
	for _, s := range l.sources {
		if s.ok && !s.name.index && s.meta.hasID && s.meta.a != nil && s.locale == l.lib.Config.DefaultLocale {
			stem := s.name.stem
			if s.bundle != "" {
				stem = path.Base(s.bundle)
			}
			ids[path.Join(s.dir, stem)] = s.meta.a.ID
		}
	}
	return ids
}

// findBundles finds page bundles (Hugo): a folder holding index.md (and
// its translations) with its pictures and no other article. Its index.md
// is an article of the parent folder named after the bundle folder
// (docs/setup/index.md → /docs/setup), not a section of its own.
func (l *loader) findBundles() {
	under := map[string]int{} // folder → articles in it and below
	for _, s := range l.sources {
		if s.name.index {
			continue
		}
		for d := s.dir; d != "."; d = path.Dir(d) {
			under[d]++
		}
	}
	indexes := map[string]int{} // folder → index.md files (translations)
	for _, s := range l.sources {
		if !s.name.index && s.name.stem == "index" {
			indexes[s.dir]++
		}
	}
	withIndex := map[string]bool{} // folders with their own _index.md
	for _, s := range l.sources {
		if s.name.index {
			withIndex[s.dir] = true
		}
	}
	for _, s := range l.sources {
		if s.name.index || s.name.stem != "index" || s.dir == "." {
			continue
		}
		if path.Dir(s.dir) == "." || under[s.dir] != indexes[s.dir] {
			if !withIndex[s.dir] {
				// MkDocs' navigation.indexes makes it the section's
				// page; here it is one more article: say so.
				l.probs = append(l.probs, warningAt(site.KindFile, s.path, 0, "",
					"%s is an article of the folder %s (at …/index), not the folder's page as MkDocs makes it: rename it _index.md to give the category its title and text", path.Base(s.path), s.dir))
			}
			continue
		}
		s.bundle, s.dir = s.dir, path.Dir(s.dir)
	}
}

// inheritTranslations gives translations the default-locale article's
// faq, weight, contexts and ticket_tags when they do not set their own.
func (l *loader) inheritTranslations() {
	def := l.lib.Config.DefaultLocale
	byID := map[string]*site.Article{}
	for _, a := range l.lib.Articles {
		if a.Locale == def {
			byID[a.ID] = a
		}
	}
	for _, s := range l.sources {
		if a := s.article; a != nil && a.Locale != def {
			if d := byID[a.ID]; d != nil {
				inherit(a, s.meta.set, d)
			}
		}
	}
}

// buildCategories makes one category per folder and locale. A locale
// without its own _index file falls back to the default locale's, then to
// a title derived from the folder name.
func (l *loader) buildCategories(indexes map[string]map[string]*source) {
	def := l.lib.Config.DefaultLocale
	catURLs := map[string]string{}
	for _, dir := range l.dirs {
		parent := path.Dir(dir)
		if parent == "." {
			parent = ""
		}
		base := path.Base(dir)
		for _, loc := range l.lib.Config.Locales {
			c := &site.Category{
				ID: dir, Locale: loc, ParentID: parent,
				Slug:  slugify(base),
				Title: folderTitle(base),
				URL:   l.localePrefix(loc) + "/" + slugPath(dir) + "/",
			}
			if c.Slug == "" {
				c.Slug = strings.ToLower(base)
			}
			if meta, ok := l.categoryFile(dir); ok {
				// Docusaurus' _category_.json: label and position.
				if meta.Label != "" {
					c.Title = meta.Label
				}
				c.Weight = meta.weight
				c.Description = plainDescription(meta.Link.Description)
			}
			fallback, own := indexes[dir][def], indexes[dir][loc]
			for _, s := range []*source{fallback, own} {
				if s == nil {
					continue
				}
				c.SourcePath = s.path
				if s.cat.title != "" {
					c.Title = s.cat.title
				}
				if s.cat.description != "" || s == own {
					c.Description = s.cat.description
				}
				if s.cat.weight != 0 {
					// A translation without a weight keeps its folder's
					// place: the default locale's, or _category_'s.
					c.Weight = s.cat.weight
				}
				if s.cat.icon != "" {
					c.Icon = strings.TrimSpace(s.cat.icon)
				}
			}
			// The title is the locale's own when its _index file gives
			// one; else it is the default locale's (or the folder's name).
			c.Lang = def
			if own != nil && own.cat.title != "" {
				c.Lang = loc
			}
			if parent == "" && loc == def && l.localePrefix(loc) == "" && site.ReservedSegment(c.Slug) {
				l.probs = append(l.probs, errorAt(site.KindDuplicate, dir, 0, "",
					"folder %s has the URL %s, which the site uses for its own pages (admin, api, static, widget…): rename the folder", dir, c.URL))
			}
			if prev, dup := catURLs[c.URL]; dup {
				l.probs = append(l.probs, errorAt(site.KindDuplicate, dir, 0, "", "folder %s has the same URL %s as folder %s", dir, c.URL, prev))
			} else {
				catURLs[c.URL] = dir
			}
			l.lib.Categories = append(l.lib.Categories, c)
		}
	}
	sort.SliceStable(l.lib.Categories, func(i, j int) bool {
		a, b := l.lib.Categories[i], l.lib.Categories[j]
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Locale < b.Locale
	})
}

// docusaurusCategory is what Guichet reads of a Docusaurus
// _category_.json (or .yml): the folder's title, order and description.
type docusaurusCategory struct {
	Label string `json:"label" yaml:"label"`
	// Position is read by position(): a number, fractional in Docusaurus
	// (2.5 between 2 and 3), or a number written as a string ("2").
	Position any `json:"position" yaml:"position"`
	weight   int // Position as a weight (categoryFile)
	Link     struct {
		Description string `json:"description" yaml:"description"`
	} `json:"link" yaml:"link"`
}

// categoryFile reads the _category_ file of dir, if there is one; a file
// that cannot be read is reported.
func (l *loader) categoryFile(dir string) (docusaurusCategory, bool) {
	var meta docusaurusCategory
	for _, name := range []string{"_category_.json", "_category_.yml", "_category_.yaml"} {
		p := path.Join(dir, name)
		if !l.assets[p] {
			continue
		}
		data, err := fs.ReadFile(l.fsys, p)
		if err == nil {
			if strings.HasSuffix(name, ".json") {
				err = json.Unmarshal(data, &meta)
			} else {
				err = yaml.Unmarshal(data, &meta)
			}
		}
		if err != nil {
			line, msg := 0, err.Error()
			var syntax *json.SyntaxError
			var typ *json.UnmarshalTypeError
			switch {
			case errors.As(err, &syntax):
				line, msg = jsonSyntax(data, syntax)
			case errors.As(err, &typ):
				// In the file's words, not Go's ("Go struct field …").
				line, msg = lineAtOffset(data, typ.Offset), fmt.Sprintf("`%s` must be text, not %s", typ.Field, typ.Value)
			}
			l.probs = append(l.probs, warningAt(site.KindFile, p, line, "", "cannot read the folder's label and position: %s", msg))
			return meta, false
		}
		pos, ok := position(meta.Position)
		if !ok {
			l.probs = append(l.probs, warningAt(site.KindFile, p, 0, "position",
				"position %q is not a number: the folder keeps its label and comes after the folders with a position; write a number, like 2", fmt.Sprint(meta.Position)))
		}
		w, prob := wholeWeight(p, 0, "position", pos, "folders")
		if prob != nil {
			prob.Kind = site.KindFile
			l.probs = append(l.probs, *prob)
		}
		if ok && w == 0 && meta.Position != nil {
			// Docusaurus lists position 0 first; Guichet's 0 is none.
			l.probs = append(l.probs, warningAt(site.KindFile, p, 0, "position",
				"position 0 is read as no position: the folder is listed after the folders with one, where Docusaurus lists it first; number the folders from 1 to keep that order"))
		}
		meta.weight = w
		// The description is the folder's, as an _index file's is: the
		// same length rule.
		f := field{name: "link.description", line: keyLine(data, "description", strings.HasSuffix(name, ".json"))}
		for _, prob := range longDescription(p, f, plainDescription(meta.Link.Description)) {
			prob.Kind = site.KindFile
			l.probs = append(l.probs, prob)
		}
		return meta, true
	}
	return meta, false
}

// keyLine returns the line of the first key named key in a JSON (quoted)
// or YAML (at a line's start, after its indentation) file, 0 when not
// found.
func keyLine(data []byte, key string, isJSON bool) int {
	re := `(?m)^[ \t]*` + regexp.QuoteMeta(key) + `[ \t]*:`
	if isJSON {
		re = `"` + regexp.QuoteMeta(key) + `"\s*:`
	}
	if loc := regexp.MustCompile(re).FindIndex(data); loc != nil {
		return lineAtOffset(data, int64(loc[0]))
	}
	return 0
}

// position reads a _category_ file's position: a number, or a number
// written as a string; 0 and ok for none, false for anything else.
func position(v any) (float64, bool) {
	switch x := v.(type) {
	case nil:
		return 0, true
	case float64:
		return x, true
	case int:
		return float64(x), true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil
	}
	return 0, false
}

// resolver answers the renderer's questions about link targets.
type resolver struct {
	fsys    fs.FS
	known   map[string]bool
	byPath  map[string]*site.Article
	byURL   map[string]*site.Article
	byID    map[string]map[string]*site.Article
	catByID map[string]map[string]*site.Category
	mdFiles map[string]bool
	// mdDirs lists the Markdown files of each folder, made the first
	// time a link to a missing file asks (nearMiss).
	mdDirs func() map[string][]string
	assets map[string]bool
	sizes  map[string][2]int
	def    string
	homes  map[string]string // home pages at the top of the folder → their locale
	prefix func(locale string) string
	// urls is what the site serves at each URL, made the first time a
	// root-absolute link without extension asks.
	urls func() *siteMap
	// slugs are the articles by their Docusaurus slug's URL (loader.slugs).
	slugs map[string]*site.Article
	// root is links.root: where root-absolute links to no page here lead.
	root string
}

// newResolver indexes the articles, categories and files of l for
// rendering; byPath is l.articlesByPath().
func newResolver(l *loader, byPath map[string]*site.Article) *resolver {
	r := &resolver{
		fsys:    l.fsys,
		known:   l.known,
		byPath:  byPath,
		byURL:   make(map[string]*site.Article, len(l.lib.Articles)),
		byID:    make(map[string]map[string]*site.Article, len(l.lib.Articles)),
		catByID: map[string]map[string]*site.Category{},
		mdFiles: make(map[string]bool, len(l.mdOrder)),
		assets:  l.assets,
		sizes:   l.sizes,
		def:     l.lib.Config.DefaultLocale,
		prefix:  l.localePrefix,
		homes:   make(map[string]string, len(l.homes)),
		urls:    sync.OnceValue(func() *siteMap { return newSiteMap(l) }),
		slugs:   l.slugs,
		root:    l.lib.Config.Links.Root,
	}
	for p, loc := range l.homes {
		r.homes[textnorm.Normalize(p)] = loc
	}
	// Markdown paths are compared normalised (NFC, invisible characters
	// removed): a link typed on one system finds a file named on another
	// (macOS writes names decomposed).
	for _, p := range l.mdOrder {
		r.mdFiles[textnorm.Normalize(p)] = true
	}
	r.mdDirs = sync.OnceValue(func() map[string][]string {
		dirs := map[string][]string{}
		for p := range r.mdFiles {
			if !site.SnippetPath(p) {
				dirs[path.Dir(p)] = append(dirs[path.Dir(p)], p)
			}
		}
		return dirs
	})
	for _, a := range l.lib.Articles {
		r.byURL[a.URL] = a
		if r.byID[a.ID] == nil {
			r.byID[a.ID] = map[string]*site.Article{}
		}
		r.byID[a.ID][a.Locale] = a
	}
	for _, c := range l.lib.Categories {
		if r.catByID[c.ID] == nil {
			r.catByID[c.ID] = map[string]*site.Category{}
		}
		r.catByID[c.ID][c.Locale] = c
		if n := textnorm.Normalize(c.ID); n != c.ID {
			r.catByID[n] = r.catByID[c.ID]
		}
	}
	return r
}

// article implements linkResolver.
func (r *resolver) article(p, locale string) (string, string, error) {
	p = textnorm.Normalize(p)
	if a := r.byPath[p]; a != nil {
		// A link to the default locale's file (translators leave links as
		// they are) leads to the reader's translation; one naming another
		// locale's file (refund.fr.md, "read it in French") to that file.
		if a.Locale != r.def {
			return a.URL, a.SourcePath, nil
		}
		if t := r.byID[a.ID][locale]; t != nil {
			return t.URL, t.SourcePath, nil
		}
		return a.URL, a.SourcePath, nil
	}
	if loc, ok := r.homes[p]; ok {
		// Another tool's home page: Guichet's, in the file's locale or
		// else the reader's.
		if loc == "" {
			loc = locale
		}
		return r.home(loc), "", nil
	}
	// A folder's _index.md, and its README.md (not published: it documents
	// the folder on GitHub, and Docusaurus makes it the category's page),
	// is the folder's category page.
	if parseFileName(path.Base(p), r.known).index || isReadme(path.Base(p)) && r.mdFiles[p] {
		if cats := r.catByID[path.Dir(p)]; cats != nil {
			if c := cats[locale]; c != nil {
				return c.URL, "", nil
			}
			return cats[r.def].URL, "", nil
		}
	}
	switch {
	case r.mdFiles[p] && site.SnippetPath(p):
		return "", "", fmt.Errorf("%s is a piece of text for including (its folder is named includes or snippets), not an article: include it with --8<-- or [!INCLUDE], or move it out of that folder", p)
	case r.mdFiles[p]:
		// The original did not load, but the reader's translation of it
		// may have: a translated page's link leads there.
		if t := r.translationOf(p, locale); t != nil {
			return t.URL, t.SourcePath, nil
		}
		return "", "", fmt.Errorf("%s is not a published article (see its own errors)", p)
	case site.SkippedPath(p):
		return "", "", fmt.Errorf("%s is not read: folders and files whose name starts with . and folders whose name starts with _ are left out of the content", p)
	}
	return "", "", fmt.Errorf("%s does not exist%s", p, r.nearMiss(p))
}

// nearMiss suggests the Markdown file of p's folder whose name is one or
// two typos away from p's (heladas.md for helada.md), as ": did you mean
// …?", or "".
func (r *resolver) nearMiss(p string) string {
	if f := sameButCase(p, r.mdFiles); f != "" {
		return caseHint(f)
	}
	base := strings.ToLower(path.Base(p))
	best, bestD := "", 3
	for _, f := range r.mdDirs()[path.Dir(p)] {
		if n := site.EditDistance(base, strings.ToLower(path.Base(f)), 2); n < bestD || n == bestD && f < best {
			best, bestD = f, n
		}
	}
	if best == "" || bestD > 2 {
		return ""
	}
	return fmt.Sprintf(": did you mean %s?", best)
}

// sameButCase returns the path of files that is p but for the letter case
// of its folders or name (Installation/ for installation/, Shot.PNG for
// shot.png), or "": a link that finds its file on a Mac or Windows, whose
// disks ignore case, and on learn.microsoft.com, finds none on GitHub,
// Linux or here.
func sameButCase(p string, files map[string]bool) string {
	best := ""
	for f := range files {
		if f != p && strings.EqualFold(f, p) && (best == "" || f < best) {
			best = f
		}
	}
	return best
}

// caseHint suggests file f, named as p but for its letter case.
func caseHint(f string) string {
	return fmt.Sprintf(": did you mean %s? (names are read with their letter case, as on GitHub)", f)
}

// nearAsset implements linkResolver.
func (r *resolver) nearAsset(p string) string {
	if f := sameButCase(p, r.assets); f != "" {
		return caseHint(f)
	}
	return ""
}

// translationOf returns the published article of locale whose file is the
// translation of the default locale's file p (refund.fr.md for refund.md),
// or nil: p names no locale, or locale is the default one.
func (r *resolver) translationOf(p, locale string) *site.Article {
	f := parseFileName(path.Base(p), r.known)
	if locale == r.def || f.locale != "" {
		return nil
	}
	for sp, a := range r.byPath {
		if a.Locale != locale || path.Dir(sp) != path.Dir(p) {
			continue
		}
		if g := parseFileName(path.Base(sp), r.known); g.stem == f.stem && g.locale == locale {
			return a
		}
	}
	return nil
}

// nameURL is the URL the file name of s gives its article (no `slug`).
func (l *loader) nameURL(s *source, folderURL func(string) string) string {
	stem := s.name.stem
	if s.bundle != "" {
		stem = path.Base(s.bundle)
	}
	slug := slugify(stem)
	if slug == "" {
		slug = s.name.stem
	}
	return l.localePrefix(s.locale) + "/" + folderURL(s.dir) + "/" + textnorm.Normalize(slug)
}

// asset implements linkResolver.
func (r *resolver) asset(p string) bool { return r.assets[p] }

// title implements linkResolver.
func (r *resolver) title(u, locale string) string {
	if a := r.byURL[u]; a != nil {
		return a.Title
	}
	for _, cats := range r.catByID {
		if c := cats[locale]; c != nil && c.URL == u {
			return c.Title
		}
	}
	return ""
}

// home implements linkResolver.
func (r *resolver) home(locale string) string { return r.prefix(locale) + "/" }

// markdown implements linkResolver.
func (r *resolver) markdown(p string) bool { return r.mdFiles[textnorm.Normalize(p)] }

// page implements linkResolver.
func (r *resolver) page(u string) (string, string, bool) {
	u = strings.TrimSuffix(path.Clean(u), "/")
	if a := r.byURL[u]; a != nil {
		return a.URL, a.SourcePath, true
	}
	for _, cats := range r.catByID {
		for _, c := range cats {
			if strings.TrimSuffix(c.URL, "/") == u {
				return c.URL, "", true
			}
		}
	}
	if a := r.slugs[u]; a != nil {
		return a.URL, a.SourcePath, true
	}
	return "", "", false
}

// hasHome implements linkResolver.
func (r *resolver) hasHome() bool { return len(r.homes) > 0 }

// linksRoot implements linkResolver.
func (r *resolver) linksRoot() string { return r.root }

// served implements linkResolver.
func (r *resolver) served(u string) (string, bool, bool) {
	s := r.urls()
	p, _ := splitExtras(u)
	key := trimSlash(p)
	if _, ok := s.pages[key]; ok {
		return u, false, true
	}
	_, alias := s.aliases[key]
	_, redirect := s.redirects[key]
	if !alias && !redirect {
		return "", false, false
	}
	final, _, gone, err := s.follow("", u)
	switch {
	case gone:
		return "", true, true
	case err != nil:
		return u, false, true // a loop or a missing target: redirects.yaml's problem, reported there
	}
	return final, false, true
}

// read implements linkResolver. A symbolic link that cannot be read
// (one out of the folder, refused) is errUnpublishedLink.
func (r *resolver) read(p string) ([]byte, error) {
	data, err := fs.ReadFile(r.fsys, p)
	if err != nil {
		if info, lerr := fs.Lstat(r.fsys, p); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
			return nil, errUnpublishedLink
		}
	}
	return data, err
}

// errUnpublishedLink is reading a symbolic link that is not published
// (checkEntry reports why, on the link).
var errUnpublishedLink = errors.New("a symbolic link that is not published")

// imageSize implements linkResolver.
func (r *resolver) imageSize(p string) (int, int, bool) {
	s, ok := r.sizes[p]
	return s[0], s[1], ok
}

// renderAll renders every article and category description in parallel,
// then checks links into other articles' headings.
func (l *loader) renderAll(ctx context.Context, pending <-chan shards) error {
	// Made only when a file must be rendered: building its sanitizer
	// takes tens of milliseconds a restart does not need.
	renderer := sync.OnceValue(func() *Renderer { return NewRenderer(RenderOptions{AllowHTML: l.lib.Config.AllowHTML}) })
	var jobs []*source
	for _, s := range l.sources {
		if s.article != nil || (s.name.index && s.ok) {
			jobs = append(jobs, s)
		}
	}
	l.cache.load(pending)
	fresh := make([]bool, len(jobs))
	err := parallel(ctx, len(jobs), func(i int) {
		s := jobs[i]
		if out := l.cache.get(s.path, s.sum); out != nil && l.includesUnchanged(out) {
			s.out = out
			s.applyOutput()
			return
		}
		fresh[i] = true
		if s.reused && s.body == nil {
			s.readBody(l.fsys)
		}
		in := Input{Source: s.body, Locale: s.locale, File: s.path, FirstLine: s.line, links: l.resolver(), words: l.words}
		if a := s.article; a != nil {
			in.Title = a.Title
			in.Params = map[string]any{"title": a.Title, "description": a.Description}
			for k, v := range a.Extra {
				in.Params[k] = v
			}
		} else {
			in.Title = s.cat.title
		}
		out, err := renderer().render(in)
		if err != nil {
			out = &Output{Problems: []site.Problem{errorAt(site.KindFile, s.path, 0, "", "%v", err)}}
		}
		s.out = out
		s.applyOutput()
	})
	if err != nil {
		return err
	}
	if l.cache != nil {
		entries := make([]cacheEntry, len(jobs))
		for i, s := range jobs {
			entries[i] = cacheEntry{path: s.path, sum: s.sum, out: s.out, fresh: fresh[i]}
		}
		if err := l.cache.save(ctx, entries); err != nil {
			// Only an optimisation: the next load renders again.
			l.probs = append(l.probs, site.Problem{Severity: site.SeverityWarning, Kind: site.KindFile, File: l.cache.dir, Message: err.Error()})
		}
		l.cache.loaded = nil
	}
	indexOut := map[string]*Output{}
	for _, s := range jobs {
		if s.name.index {
			indexOut[s.path] = s.out
		}
	}
	for _, c := range l.lib.Categories {
		if out := indexOut[c.SourcePath]; out != nil {
			c.HTML, c.Files = out.HTML, out.Files
		}
		l.categoryIcon(c)
	}
	for _, s := range jobs {
		l.probs = append(l.probs, s.out.Problems...)
		for _, ref := range s.out.anchors {
			if ref.Target == "" {
				if s.name.index {
					continue // a category page: its own headings are not kept
				}
				ref.Target = s.path
			}
			if ok, near, why := l.hasAnchor(ref); !ok {
				file := ref.File
				if file == "" {
					file = s.path
				}
				hint := ""
				switch {
				case near != "":
					hint = fmt.Sprintf(": write #%s (%s)", near, why)
				case why != "":
					hint = ": " + why
				}
				p := errorAt(site.KindBrokenLink, file, ref.Line, "", "broken link %q: %s has no heading #%s%s", ref.Dest, ref.Target, ref.Anchor, hint)
				p.Column = ref.Column
				l.probs = append(l.probs, p)
			}
		}
	}
	return nil
}

// includesUnchanged reports whether the files a cached output included
// still hold what was rendered: included files may live outside what the
// content hash covers (folders starting with _).
func (l *loader) includesUnchanged(out *Output) bool {
	for p, sum := range out.includes {
		data, err := fs.ReadFile(l.fsys, p)
		if err != nil || sha256.Sum256(data) != sum {
			return false
		}
	}
	return true
}

// applyOutput copies the rendered output into the article.
func (s *source) applyOutput() {
	a := s.article
	if a == nil {
		return
	}
	out := s.out
	a.HTML, a.TOC, a.Headings = out.HTML, out.TOC, out.Headings
	a.Sections, a.Text, a.Files = out.Sections, out.Text, out.Files
	if a.Description == "" {
		a.Description = summary(out.lead)
	}
}

// hasAnchor reports whether the article a link points to has the heading
// the link names; near is the anchor it meant when it left a heading's
// emoji out or made one hyphen of two, and why says so.
func (l *loader) hasAnchor(ref anchorRef) (ok bool, near, why string) {
	a := l.byPath()[textnorm.Normalize(ref.Target)]
	if a == nil {
		return false, "", ""
	}
	want := ref.Anchor
	if u, err := url.PathUnescape(want); err == nil {
		want = u
	}
	want = textnorm.Normalize(want)
	for _, h := range a.Headings {
		if h.ID == want || h.ID == ref.Anchor {
			return true, "", ""
		}
	}
	// Another place of the page with that id: an HTML anchor (<a
	// id="summary"></a>), a footnote, raw HTML's.
	if want != "" && strings.Contains(string(a.HTML), ` id="`+html.EscapeString(want)+`"`) {
		return true, "", ""
	}
	// MkDocs leaves an emoji out of the anchor ("## :gear: Configure" is
	// #configure there, #gear-configure here and on GitHub).
	for _, h := range a.Headings {
		if want != "" && strings.Trim(anchor(h.Text), "-") == want {
			return false, h.ID, "a heading's anchor keeps the names of its emoji, as on GitHub and Docusaurus"
		}
	}
	// MkDocs and hand-written links also make one hyphen of the spaces
	// around punctuation ("## Error E03 : too cold", "## Sync – iOS"),
	// which GitHub, Docusaurus and Guichet keep as two.
	for _, h := range a.Headings {
		if squeezed := squeezeHyphens(want); squeezed != "" && squeezeHyphens(h.ID) == squeezed {
			return false, h.ID, "a heading's anchor keeps a hyphen for each space around punctuation, as on GitHub and Docusaurus"
		}
	}
	// The anchor of the # heading that repeated the title, which the page
	// shows as its own heading (GitHub and MkDocs give it an anchor).
	if want != "" && strings.Trim(anchor(a.Title), "-") == want {
		file, _, _ := strings.Cut(ref.Dest, "#")
		if file == "" || strings.Contains(file, "{{") {
			file = path.Base(ref.Target)
		}
		return false, "", fmt.Sprintf("that is the article's title, which the page shows as its heading: link %s without #%s, to the top of the page", file, ref.Anchor)
	}
	return false, "", ""
}

// squeezeHyphens returns id with each run of hyphens made one and none
// at either end.
func squeezeHyphens(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(part)
	}
	return b.String()
}

// broken records an article file that does not load and serves its last
// good version instead when there is one (Options.Previous).
func (l *loader) broken(s *source, ids, urls map[key]string) {
	b := site.Broken{SourcePath: s.path, Locale: s.locale, SectionID: s.dir,
		URL: l.localePrefix(s.locale) + "/" + slugPath(s.dir) + "/" + slugify(s.name.stem)}
	for _, p := range s.probs {
		if p.Severity == site.SeverityError {
			b.Errors = append(b.Errors, p)
		}
	}
	b.Lines = firstLines(s.raw, 30)
	if old := l.previous[s.path]; old != nil && l.keep(s, old, ids, urls) {
		b.URL = old.URL
	}
	l.lib.Broken = append(l.lib.Broken, b)
}

// firstLines returns the first n lines of data.
func firstLines(data []byte, n int) []string {
	lines := strings.SplitN(string(data), "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return lines
}

// keep serves the last good version old of the article in the broken file
// s, unless its id or URL is now taken by another article, and reports
// whether it did.
func (l *loader) keep(s *source, old *site.Article, ids, urls map[key]string) bool {
	if _, dup := ids[key{old.Locale, old.ID}]; dup {
		return false
	}
	if _, dup := urls[key{old.Locale, old.URL}]; dup {
		return false
	}
	a := *old
	ids[key{a.Locale, a.ID}] = s.path
	urls[key{a.Locale, a.URL}] = s.path
	l.lib.Articles = append(l.lib.Articles, &a)
	l.probs = append(l.probs, site.Problem{Severity: site.SeverityWarning, Kind: site.KindKept, File: s.path,
		Message: "the last good version of this article is served until its errors are fixed"})
	return true
}

// lineAtOffset returns the line (from 1) of the byte at offset in data, as
// encoding/json reports where it stopped.
// jsonSyntax explains a JSON syntax error in the file's words, at the line
// of the mistake, with the fix for the slips of JSON written by hand (a
// comma after the last entry, a key or text in single quotes or none, a
// comma missing); other errors keep encoding/json's words.
func jsonSyntax(data []byte, e *json.SyntaxError) (int, string) {
	if e.Offset >= int64(len(data)) { // the end came first
		return lineAtOffset(data, int64(len(bytes.TrimRight(data, " \t\r\n")))), "the file ends before a { or [ is closed: close each with } or ]"
	}
	at := max(e.Offset-1, 0) // the character refused
	line := lineAtOffset(data, at)
	c := data[at]
	before := bytes.TrimRight(data[:at], " \t\r\n")
	switch msg := e.Error(); {
	case (c == '}' || c == ']') && bytes.HasSuffix(before, []byte(",")):
		return lineAtOffset(data, int64(len(before)-1)), fmt.Sprintf("a comma after the last entry, before %q: JSON allows none, remove it", c)
	case c == '\'':
		return line, "text in single quotes: JSON writes keys and text in double quotes (\"label\": \"Billing\")"
	case strings.Contains(msg, "looking for beginning of object key string"):
		return line, "a key without double quotes: JSON writes keys in double quotes (\"label\": \"Billing\")"
	case strings.Contains(msg, "after object key:value pair") || strings.Contains(msg, "after array element"):
		return lineAtOffset(data, int64(len(before))), "a comma is missing after this entry: JSON separates entries by commas"
	default:
		return line, msg
	}
}

func lineAtOffset(data []byte, offset int64) int {
	offset = min(max(offset, 0), int64(len(data)))
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

// idField is the front-matter field an article's id was written in: `id`,
// or the other tool's name Guichet read as it (Hugo's `translationKey`);
// `id` for an id from the path.
func idField(m meta) string {
	if m.idField == "" {
		return "id"
	}
	return m.idField
}

// fromField names, in a message about an id, the field it was written in
// when that is not `id`: the writer looks for the name they wrote.
func fromField(m meta) string {
	if f := idField(m); f != "id" {
		return fmt.Sprintf(" (from `%s`, which Guichet reads as the article's id)", f)
	}
	return ""
}

// duplicateIDMessage says that article a's id is already prev's, in the
// words of the field the writer wrote it in.
func duplicateIDMessage(a *site.Article, m meta, prev string) string {
	f := idField(m)
	if f == "id" {
		return fmt.Sprintf("duplicate id %q in locale %s: already used by %s; this article is skipped (give it another id, or remove its `id` line: its path then gives one; Docusaurus ids need only be unique in their folder, Guichet's in the site)", a.ID, a.Locale, prev)
	}
	return fmt.Sprintf("duplicate id %q%s in locale %s: already used by %s; this article is skipped (give it another `%s`, or remove its `%s` line: its path then gives its id; the translations of one article share it, each in its own locale)", a.ID, fromField(m), a.Locale, prev, f, f)
}
