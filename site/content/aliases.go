package content

import (
	"bufio"
	"bytes"
	"io/fs"
	"strings"

	"github.com/guichet/guichet/site"
)

// checkAliases warns of the aliases that cannot lead where their article
// says (in any letter case, with or without a trailing slash, as requests
// are matched): the address of a page, which is served there instead; an
// alias of another article too (the first file's, in file order, stands;
// versions of one article may share one); an old URL redirects.yaml also
// lists, whose rule is left unused. Each warning names the file, the field
// and the other side.
func (l *loader) checkAliases() {
	s := (*siteMap)(nil)
	owner := map[string]*site.Article{}
	redirected := map[string]int{} // lower-cased old URL → its line in redirects.yaml
	for i, r := range l.lib.Redirects {
		k := strings.ToLower(trimSlash(r.From))
		if _, seen := redirected[k]; !seen && i < len(l.redirectLines) {
			redirected[k] = l.redirectLines[i]
		}
	}
	for _, a := range l.lib.Articles {
		for _, al := range a.Aliases {
			if s == nil {
				s = newSiteMap(l)
			}
			warn := func(format string, args ...any) {
				l.probs = append(l.probs, warningAt(site.KindRedirect, a.SourcePath, l.fieldLine(a.SourcePath, "aliases"), "aliases", format, args...))
			}
			// Every form the site reads the alias in (site.Config.PathKeys:
			// /docs/x, x.md, a Zendesk address by its number).
			keys := l.lib.Config.PathKeys(al)
			k := keys[0]
			page, exact := "", false
			for i, f := range keys {
				if u, ok := s.canonical[f]; ok {
					page, exact = u, i == 0
					break
				}
			}
			if page != "" {
				switch {
				case strings.EqualFold(trimSlash(page), trimSlash(a.URL)):
				case exact:
					warn("alias %s is the address of %s, which is served there: this alias leads nowhere; remove it", al, s.pages[trimSlash(page)])
				default:
					warn("alias %s is a form of the address of %s (%s): links to that page written so lead here instead; remove it", al, s.pages[trimSlash(page)], page)
				}
				continue
			}
			var other *site.Article
			for _, f := range keys {
				if o, ok := owner[f]; ok && o.ID != a.ID {
					other = o
					break
				}
			}
			if other != nil {
				warn("alias %s is already an alias of %s (in one of the forms the site reads it), which it leads to: remove it from one of them", al, other.SourcePath)
				continue
			}
			for _, f := range keys {
				if _, ok := owner[f]; !ok {
					owner[f] = a
				}
			}
			if line, ok := redirected[k]; ok {
				warn("alias %s is also an old URL of %s line %d, which is then left unused: keep one of them", al, redirectsFile, line)
			}
		}
	}
}

// fieldLine returns the line of a front matter field in the file at path
// (YAML "name:" or TOML "name =" at the start of a line), 0 when it is
// not found. Read again only for a warning: articles keep no field lines.
func (l *loader) fieldLine(path, name string) int {
	data, err := fs.ReadFile(l.fsys, path)
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n > 1 && (line == "---" || line == "+++") {
			return 0 // the end of the front matter
		}
		if rest, ok := strings.CutPrefix(line, name); ok {
			if rest = strings.TrimLeft(rest, " \t"); strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "=") {
				return n
			}
		}
	}
	return 0
}
