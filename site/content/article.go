package content

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
	"gopkg.in/yaml.v3"
)

// articleFields are the front-matter fields of an article.
func articleFields() []string {
	return []string{"title", "description", "id", "slug", "tags", "keywords", "contexts",
		"ticket_tags", "aliases", "search_tests", "faq", "weight", "draft", "publish_at", "updated"}
}

// categoryFields are the front-matter fields of an _index.md file.
func categoryFields() []string {
	return []string{"title", "description", "weight", "icon"}
}

// meta is what front matter says about an article, with the lines of the
// fields that identify it (for duplicate reports).
type meta struct {
	a        *site.Article // nil for a file that is no article
	hasID    bool
	idLine   int
	idField  string // the field the id came from: "id", or another tool's name (translationKey)
	slugLine int
	updated  bool       // updated set in front matter
	set      inheritSet // inherited fields present in front matter
}

// otherToolFields are the names Hugo, Microsoft Docs, Docusaurus, Jekyll
// and MkDocs give fields Guichet has: each is read as the Guichet field
// when the article does not set that one (the first present wins), with no
// warning. A value that does not fit is warned about and ignored.
var otherToolFields = []struct{ name, field string }{
	{"lastmod", "updated"}, {"last_modified_at", "updated"}, {"ms.date", "updated"}, {"last_update.date", "updated"}, {"date", "updated"},
	{"publishDate", "publish_at"}, {"publishdate", "publish_at"},
	{"sidebar_position", "weight"}, {"nav_order", "weight"},
	{"summary", "description"},
	{"translationKey", "id"}, // Hugo: translations whose file names differ share it
}

// headingTitled reports whether a page with front matter was written for
// Docusaurus, which titles a page without `title` by its first heading, as
// MkDocs titles a page without front matter: an .mdx file, or front
// matter with a field only Docusaurus reads (sidebar_position,
// sidebar_label, hide_title…). A Guichet page whose front matter leaves
// `title` out may have forgotten it.
func headingTitled(file string, fields []field) bool {
	if strings.EqualFold(path.Ext(file), ".mdx") {
		return true
	}
	for _, f := range fields {
		for _, name := range []string{f.name, f.orig} {
			if strings.HasPrefix(name, "sidebar_") || strings.HasPrefix(name, "pagination_") || docusaurusOnly[name] {
				return true
			}
		}
	}
	return false
}

// docusaurusOnly lists the front-matter fields of Docusaurus docs, besides
// sidebar_* and pagination_*, that no other tool Guichet reads uses.
var docusaurusOnly = map[string]bool{"displayed_sidebar": true, "hide_title": true, "hide_table_of_contents": true,
	"toc_min_heading_level": true, "toc_max_heading_level": true, "parse_number_prefixes": true, "custom_edit_url": true,
	"last_update": true, "unlisted": true}

// navigationOnly lists the Docusaurus fields that label or style the
// page in a sidebar and a previous/next link: Guichet lists a category's
// articles by their titles and has no short label, so they are understood
// and not used, without a warning (kept in the article's data, for param
// and the API).
var navigationOnly = map[string]bool{"sidebar_label": true, "sidebar_class_name": true, "sidebar_custom_props": true,
	"sidebar_key": true, "displayed_sidebar": true, "pagination_label": true}

// mapOtherToolFields renames the fields other tools name differently.
// Docusaurus' `last_update: {date: …, author: …}` (or a date alone) gives
// its date as "last_update.date"; the mapping itself is understood, not
// used.
func mapOtherToolFields(fields []field) []field {
	for i, f := range fields {
		if f.name != "last_update" || f.orig != "" || f.value == nil || f.value.Kind != yaml.MappingNode && f.value.Kind != yaml.ScalarNode {
			continue
		}
		fields = append([]field(nil), fields...)
		fields[i].orig, fields[i].name = "last_update", ""
		if f.value.Kind == yaml.ScalarNode {
			// "last_update: 2026-04-05": the date itself.
			fields = append(fields, field{name: "last_update.date", line: f.line, value: f.value, offset: f.offset})
			break
		}
		for k := 0; k+1 < len(f.value.Content); k += 2 {
			if key := f.value.Content[k]; key.Value == "date" {
				fields = append(fields, field{name: "last_update.date", line: f.offset + key.Line, value: f.value.Content[k+1], offset: f.offset})
			}
		}
		break
	}
	present := map[string]bool{}
	for _, f := range fields {
		present[f.name] = true
	}
	out := append([]field(nil), fields...)
	for _, alias := range otherToolFields {
		if present[alias.field] || !present[alias.name] {
			continue
		}
		for i := range out {
			if out[i].name == alias.name && out[i].orig == "" {
				out[i].orig, out[i].name = alias.name, alias.field
				present[alias.field] = true
				break
			}
		}
	}
	// The others (Hugo's date beside its lastmod) are understood, not used,
	// as are the labels and styles of a sidebar Guichet does not draw.
	for i := range out {
		if navigationOnly[out[i].name] && out[i].orig == "" {
			out[i].orig, out[i].name = out[i].name, ""
			continue
		}
		for _, alias := range otherToolFields {
			if out[i].name == alias.name && out[i].orig == "" {
				out[i].orig, out[i].name = alias.name, ""
			}
		}
	}
	return out
}

// skippedNote ends the message of a front-matter value that keeps its
// article from being published, which the value alone does not say.
const skippedNote = " (the article is not published until this is fixed)"

// decodeArticle reads an article's front-matter fields. ok is false when
// an error makes the article unusable. bodyTitle is the body's first
// level-1 heading, the title of an article without one (as MkDocs and
// Docusaurus do): with a warning when the file has front matter
// (hasFrontMatter), where `title` may have been forgotten; silently for a
// file without, as MkDocs pages and GitHub READMEs are written, whose
// heading is the only place for a title, and for a Docusaurus page
// (headingTitled), whose front matter leaves the title to the heading.
// heading is that heading as written, and headingLine its line in the
// file, for the error of one a reader sees nothing of.
func decodeArticle(file string, fields []field, ignore []string, bodyTitle, heading string, headingLine int, hasFrontMatter bool) (m meta, probs []site.Problem, ok bool) {
	ok = true
	// A field the team keeps on purpose is known too: `appiesto` beside
	// an ignored `appliesto` is its typo, not another field to ignore.
	known := append(slices.Clip(articleFields()), keptFields(ignore)...)
	var cur field
	fail := func(p *site.Problem) bool {
		if p != nil && p.Severity == site.SeverityWarning {
			// A value read another way than written (a fractional
			// weight, rounded): it stands, with the warning.
			probs = append(probs, *p)
			return false
		}
		if p != nil {
			if cur.orig != "" {
				// Another tool's field that does not fit: ignored.
				p.Severity = site.SeverityWarning
				p.Message += " (ignored)"
				probs = append(probs, *p)
				return true
			}
			p.Message += skippedNote
			probs = append(probs, *p)
			ok = false
			return true
		}
		return false
	}
	m.a = &site.Article{}
	a := m.a
	titleSeen := false
	for _, f := range mapOtherToolFields(fields) {
		cur = f
		if f.orig != "" {
			if a.Extra == nil {
				a.Extra = map[string]any{}
			}
			a.Extra[f.orig] = asAny(f) // still there for param and the API
		}
		if f.name == "" {
			continue
		}
		m.set = m.set.with(f.name)
		var p *site.Problem
		switch f.name {
		case "title":
			titleSeen = true
			a.Title, p = asString(file, f)
			if p == nil && a.Title == "" {
				e := errorAt(site.KindFrontMatter, file, f.line, "title", "field `title` is empty")
				p = &e
			}
			if n := utf8.RuneCountInString(a.Title); p == nil && n > maxTitle {
				probs = append(probs, warningAt(site.KindFrontMatter, file, f.line, "title",
					"the title is %d characters long: tabs, search results and suggestions show about 60; keep it under %d and put the rest in `description`", n, maxTitle))
			}
		case "description":
			a.Description, p = asString(file, f)
			a.Description = plainDescription(a.Description)
			probs = append(probs, longDescription(file, f, a.Description)...)
		case "id":
			a.ID, p = asString(file, f)
			a.ID = strings.Trim(a.ID, "/")
			m.hasID, m.idLine, m.idField = a.ID != "", f.line, f.orig
			if m.idField == "" {
				m.idField = "id"
			}
		case "slug":
			a.Slug, p = asString(file, f)
			m.slugLine = f.line
			if p == nil && strings.Contains(strings.Trim(a.Slug, "/"), "/") {
				// Docusaurus slugs are whole paths: the last segment is the slug.
				last := path.Base(strings.Trim(a.Slug, "/"))
				probs = append(probs, warningAt(site.KindFrontMatter, file, f.line, "slug",
					"field `slug` %q is a whole path: URLs come from folders, so its last segment %q is used (list the old path in `aliases` if it changes)", a.Slug, last))
				a.Slug = last
			}
			a.Slug = strings.Trim(a.Slug, "/")
			if p == nil && (strings.ContainsAny(a.Slug, "?#") || a.Slug == "." || a.Slug == "..") {
				e := errorAt(site.KindFrontMatter, file, f.line, "slug", "field `slug` must be one URL segment, not %q", a.Slug)
				p = &e
			}
		case "tags":
			a.Tags, p = asStrings(file, f)
		case "keywords":
			a.Keywords, p = asStrings(file, f)
		case "contexts":
			a.Contexts, p = asStrings(file, f)
		case "ticket_tags":
			a.TicketTags, p = asStrings(file, f)
		case "search_tests":
			a.SearchTests, p = asStrings(file, f)
		case "aliases":
			var list []string
			list, p = asStrings(file, f)
			for _, s := range list {
				if relativeAlias(s) {
					// Page-relative, as Hugo reads it: resolved against
					// the article's folder once its URL is known
					// (resolveAliases).
					if path := normalizePath(s); path != "" {
						a.Aliases = append(a.Aliases, "."+path)
					}
				} else if path := normalizePath(s); path != "" {
					a.Aliases = append(a.Aliases, path)
				}
			}
		case "faq":
			a.FAQ, p = asFAQ(file, f)
		case "weight":
			a.Weight, p = asInt(file, f)
			if p == nil && a.Weight == 0 && f.orig == "sidebar_position" && !isNull(f.value) {
				// Docusaurus lists position 0 first; Guichet's 0 is none.
				w := warningAt(site.KindFrontMatter, file, f.line, f.name,
					"sidebar_position 0 is read as no position: the page is listed after the positioned ones, where Docusaurus lists it first; number the pages from 1 to keep that order")
				p = &w
			}
		case "draft":
			a.Draft, p = asBool(file, f)
		case "publish_at":
			a.PublishAt, p = asTime(file, f)
		case "updated":
			a.Updated, p = asTime(file, f)
			m.updated = !a.Updated.IsZero()
		default:
			if a.Extra == nil {
				a.Extra = map[string]any{}
			}
			a.Extra[f.name] = asAny(f)
			if !ignoredField(f.name, ignore) {
				probs = append(probs, unknownField(file, f, known, true))
			}
		}
		fail(p)
	}
	if !titleSeen {
		cur = field{}
		if bodyTitle != "" {
			a.Title = bodyTitle
			if hasFrontMatter && !headingTitled(file, fields) {
				probs = append(probs, warningAt(site.KindFrontMatter, file, 1, "title", "no `title`: the first heading, %q, is the title", bodyTitle))
			}
		} else if heading != "" {
			fail(&site.Problem{Severity: site.SeverityError, Kind: site.KindFrontMatter, File: file, Line: headingLine, Field: "title",
				Message: fmt.Sprintf("missing required field `title`, and the first heading, `# %s`, has no text a reader sees to take it from: add `title:` to the front matter, or words to the heading", heading)})
		} else {
			fail(&site.Problem{Severity: site.SeverityError, Kind: site.KindFrontMatter, File: file, Line: 1, Field: "title", Message: "missing required field `title` (and no # heading to take it from)"})
		}
	}
	return m, probs, ok
}

// inherited lists the fields a translation takes from its default-locale
// article when it does not set them: they describe the article's place
// and use, not its words.
func inherited() []string { return []string{"faq", "weight", "contexts", "ticket_tags"} }

// inheritSet records which of the inherited fields a front matter sets,
// a bit each in the order of inherited().
type inheritSet uint8

// with returns s with the field name, when it is an inherited one.
func (s inheritSet) with(name string) inheritSet {
	if i := slices.Index(inherited(), name); i >= 0 {
		return s | 1<<i
	}
	return s
}

// has reports whether s holds the field name.
func (s inheritSet) has(name string) bool {
	i := slices.Index(inherited(), name)
	return i >= 0 && s&(1<<i) != 0
}

// inherit copies the inherited fields from the default-locale article into
// a translation that does not set them.
func inherit(tr *site.Article, set inheritSet, def *site.Article) {
	for _, f := range inherited() {
		if set.has(f) {
			continue
		}
		switch f {
		case "faq":
			tr.FAQ = def.FAQ
		case "weight":
			tr.Weight = def.Weight
		case "contexts":
			tr.Contexts = def.Contexts
		case "ticket_tags":
			tr.TicketTags = def.TicketTags
		}
	}
}

// asFAQ reads the faq field: true, false or "pinned".
func asFAQ(file string, f field) (string, *site.Problem) {
	v := f.value
	if isNull(v) {
		return site.FAQNone, nil
	}
	if v.Kind == yaml.ScalarNode && (v.Tag == "!!bool" || v.Tag == "!!str") {
		switch strings.ToLower(strings.TrimSpace(v.Value)) {
		case "true":
			return site.FAQTrue, nil
		case "false":
			return site.FAQNone, nil
		case "pinned":
			return site.FAQPinned, nil
		}
	}
	p := errorAt(site.KindFrontMatter, file, f.line, f.name, "field `faq` must be true, false or pinned, not %q", v.Value)
	return "", &p
}

// categoryMeta is what an _index.md file says about its folder.
type categoryMeta struct {
	title, description string
	weight             int
	icon               string // an emoji, or an image path relative to the folder
}

// decodeCategory reads an _index.md file's fields; bad values are
// reported and left at their defaults.
func decodeCategory(file string, fields []field, ignore []string) (categoryMeta, []site.Problem) {
	var c categoryMeta
	var probs []site.Problem
	for _, f := range fields {
		var p *site.Problem
		switch f.name {
		case "title":
			c.title, p = asString(file, f)
		case "description":
			c.description, p = asString(file, f)
			c.description = plainDescription(c.description)
			probs = append(probs, longDescription(file, f, c.description)...)
		case "weight":
			c.weight, p = asInt(file, f)
		case "icon":
			c.icon, p = asString(file, f)
		default:
			if ignoredField(f.name, ignore) {
				continue
			}
			if contains(articleFields(), f.name) {
				probs = append(probs, warningAt(site.KindUnknownField, file, f.line, f.name, "field `%s` is not used on a category page", f.name))
			} else {
				probs = append(probs, unknownField(file, f, append(slices.Clip(categoryFields()), keptFields(ignore)...), false))
			}
		}
		if p != nil {
			probs = append(probs, *p)
		}
	}
	return c, probs
}

// keptFields returns the entries of check.ignore_fields that name one
// field (not a pattern like "ms.*").
func keptFields(ignore []string) []string {
	var out []string
	for _, f := range ignore {
		if !strings.ContainsAny(f, `*?[\`) {
			out = append(out, f)
		}
	}
	return out
}

// ignoredField reports whether name is in check.ignore_fields: equal to
// an entry, or matching one written as a pattern ("ms.*").
func ignoredField(name string, ignore []string) bool {
	for _, pat := range ignore {
		if pat == name {
			return true
		}
		if ok, err := path.Match(pat, name); err == nil && ok {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// relativeAlias reports whether an alias is written relative to its page
// ("old-draw", "../old"): no leading "/", no scheme or host.
func relativeAlias(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "/") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "" && u.Host == ""
}

// resolveAliases makes the page-relative aliases of a (marked "./" by
// the front matter's reading) site paths against the folder of its URL,
// as Hugo does: "old-draw" in campos/draw.md answers at /campos/old-draw,
// "../old" at /old, with the locale's prefix (prefix, "" for the default
// locale's), never above it.
func resolveAliases(a *site.Article, prefix string) {
	if !slices.ContainsFunc(a.Aliases, func(al string) bool { return strings.HasPrefix(al, "./") }) {
		return
	}
	a.Aliases = slices.Clone(a.Aliases)
	for i, al := range a.Aliases {
		if rel, ok := strings.CutPrefix(al, "./"); ok {
			p, query, _ := strings.Cut(rel, "?")
			// Inside the locale's part of the site, as Hugo resolves
			// them: "../../../raiz" in a Spanish page is /es/raiz.
			resolved := prefix + path.Join("/", path.Dir(strings.TrimPrefix(a.URL, prefix)), p)
			if query != "" {
				resolved += "?" + query
			}
			a.Aliases[i] = resolved
		}
	}
}

// normalizePath turns an alias or redirect source into a site path that
// starts with "/": full URLs keep only their path (and query). The path is
// decoded ("/billing/taxe-%C3%A9" is "/billing/taxe-é"), as requests' are,
// whether it was written encoded or not, and normalised
// (textnorm.Normalize: accents typed decomposed, as macOS writes them,
// are the composed ones), as the server normalises requests.
func normalizePath(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	query := ""
	if u, err := url.Parse(s); err == nil && (u.Scheme != "" || u.Host != "") {
		s = u.Path
		if u.RawQuery != "" {
			query = "?" + u.RawQuery
		}
	} else if path, q, ok := strings.Cut(s, "?"); ok {
		s, query = path, "?"+q
	}
	if p, err := url.PathUnescape(s); err == nil {
		s = p
	}
	s = textnorm.Normalize(s)
	if !strings.HasPrefix(s, "/") {
		s = "/" + s
	}
	return s + query
}

// longDescription warns about a description (as shown: plain text) longer
// than search engines show under a result, where it is cut; the field is
// named as written (Hugo's `summary` is read as `description`).
func longDescription(file string, f field, desc string) []site.Problem {
	n := utf8.RuneCountInString(desc)
	if n <= maxDescription {
		return nil
	}
	name := f.name
	if f.orig != "" {
		name = f.orig
	}
	return []site.Problem{warningAt(site.KindFrontMatter, file, f.line, name,
		"field `%s` is %d characters long: search engines show about %d under a result and cut the rest; shorten it to one sentence of %d characters or fewer",
		name, n, maxDescription, maxDescription)}
}
