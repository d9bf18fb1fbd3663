package content

import (
	"path"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// checkRedirects validates redirects.yaml against the site and flattens
// it, so that a visitor is sent in one hop to where a chain ends:
//
//   - a redirect to another redirect or to an article's alias is followed to
//     its end and served as one hop (a warning names the chain);
//   - a loop, a redirect to itself and a redirect to no page of the site are
//     errors; loops and self-redirects are dropped (the old URL answers 404);
//   - a redirect whose old URL is a live page is ignored by the server: a
//     warning says so;
//   - a redirect to a draft is a warning (404 until it is published).
//
// Targets differing from a page only by case or a trailing slash are
// rewritten to the page's URL.
func (l *loader) checkRedirects() {
	if len(l.lib.Redirects) == 0 {
		return
	}
	s := newSiteMap(l)
	var out []site.Redirect
	var lines []int
	first := map[string]int{} // old URL → line of its first rule
	for i, r := range l.lib.Redirects {
		line := 0
		if i < len(l.redirectLines) {
			line = l.redirectLines[i]
		}
		errorf := func(format string, args ...any) {
			l.probs = append(l.probs, errorAt(site.KindRedirect, redirectsFile, line, "", format, args...))
		}
		warnf := func(format string, args ...any) {
			l.probs = append(l.probs, warningAt(site.KindRedirect, redirectsFile, line, "", format, args...))
		}
		// One rule per old URL: the first stands (the site map follows it
		// too), a later one is left out and said so.
		if at, dup := first[r.From]; dup {
			warnf("%s is already redirected on line %d: this rule is ignored; remove one of them", r.From, at)
			continue
		}
		first[r.From] = line
		if what := s.pageAt(r.From); what != "" {
			warnf("%s is %s, so this redirect is never used: remove it, or remove the page", r.From, what)
			out, lines = append(out, r), append(lines, line)
			continue
		}
		if r.To == "" {
			out, lines = append(out, r), append(lines, line)
			continue
		}
		final, chain, gone, err := s.follow(r.From, r.To)
		switch {
		case err == errSelf:
			errorf("%s redirects to itself: visitors would loop forever; it is not served", r.From)
			continue
		case err == errLoop:
			errorf("redirect loop %s: visitors would loop forever; it is not served", strings.Join(chain, " → "))
			continue
		case err == errMissing:
			errorf("%s redirects to %s, which is no page of the site", r.From, chain[len(chain)-1])
			out, lines = append(out, r), append(lines, line)
			continue
		}
		if len(chain) > 2 || gone {
			end := final
			if gone {
				end = "gone (410)"
			}
			warnf("redirect chain %s: served as one hop to %s; point %s there directly", strings.Join(chain, " → "), end, r.From)
		}
		if a := s.articles[trimSlash(stripURLExtras(final))]; a != nil && a.Draft && !gone {
			warnf("%s redirects to %s, a draft (404 until it is published)", r.From, a.SourcePath)
		}
		if gone {
			final = ""
		}
		out, lines = append(out, site.Redirect{From: r.From, To: final}), append(lines, line)
	}
	l.lib.Redirects, l.redirectLines = out, lines
}

// siteMap knows every path the site answers, for redirect checks.
type siteMap struct {
	pages     map[string]string // path without trailing slash → what is there
	canonical map[string]string // lower-cased path without trailing slash → URL
	articles  map[string]*site.Article
	aliases   map[string]string // alias → article URL
	redirects map[string]string // from → to ("" for gone)
}

func newSiteMap(l *loader) *siteMap {
	s := &siteMap{pages: map[string]string{}, canonical: map[string]string{}, articles: map[string]*site.Article{},
		aliases: map[string]string{}, redirects: map[string]string{}}
	add := func(u, what string) {
		k := trimSlash(u)
		s.pages[k] = what
		if _, ok := s.canonical[strings.ToLower(k)]; !ok {
			s.canonical[strings.ToLower(k)] = u
		}
	}
	withArticles := map[string]bool{}
	for _, a := range l.lib.Articles {
		add(a.URL, "the article "+a.SourcePath)
		s.articles[trimSlash(a.URL)] = a
		for _, al := range a.Aliases {
			s.aliases[trimSlash(al)] = a.URL
		}
		for d := a.SectionID; d != "." && d != ""; d = path.Dir(d) {
			withArticles[d+"|"+a.Locale] = true
		}
	}
	for _, c := range l.lib.Categories {
		if withArticles[c.ID+"|"+c.Locale] {
			add(c.URL, "the category "+c.ID)
		}
	}
	for _, loc := range l.lib.Config.Locales {
		prefix := l.localePrefix(loc)
		add(prefix+"/", "a home page")
		for _, p := range []string{"/faq", "/search", "/contact", "/feed.atom", "/feed.rss", "/feed.json"} {
			add(prefix+p, "a page of the site")
		}
	}
	for _, p := range []string{"/sitemap.xml", "/robots.txt", "/admin/", "/widget/demo"} {
		add(p, "a page of the site")
	}
	for p := range l.assets {
		add("/_content/"+p, "a file of the content folder")
	}
	for _, r := range l.lib.Redirects {
		if _, dup := s.redirects[trimSlash(r.From)]; !dup {
			s.redirects[trimSlash(r.From)] = r.To // the first rule stands (checkRedirects)
		}
	}
	return s
}

// pageAt says what the site serves at p ("the article billing/refund.md"),
// "" when nothing.
func (s *siteMap) pageAt(p string) string {
	return s.pages[trimSlash(stripURLExtras(p))]
}

type redirectErr string

func (e redirectErr) Error() string { return string(e) }

const (
	errSelf    = redirectErr("self")
	errLoop    = redirectErr("loop")
	errMissing = redirectErr("missing")
)

// follow goes from a redirect's target to the page where it ends. chain
// lists every path visited, from first. gone is true when the chain ends
// at a removed page.
func (s *siteMap) follow(from, to string) (final string, chain []string, gone bool, err error) {
	chain = []string{from}
	seen := map[string]bool{trimSlash(from): true}
	cur := to
	for {
		if isExternal(cur) {
			return cur, append(chain, cur), false, nil
		}
		p, extras := splitExtras(cur)
		key := trimSlash(textnorm.Normalize(p)) // as the server reads requests
		chain = append(chain, cur)
		if seen[key] {
			if len(chain) == 2 {
				return "", chain, false, errSelf
			}
			return "", chain, false, errLoop
		}
		seen[key] = true
		if _, ok := s.pages[key]; ok {
			return s.canonical[strings.ToLower(key)] + extras, chain, false, nil
		}
		if u, ok := s.aliases[key]; ok {
			cur = u + extras
			continue
		}
		if next, ok := s.redirects[key]; ok {
			if next == "" {
				return "", chain, true, nil
			}
			cur = next
			continue
		}
		if u, ok := s.canonical[strings.ToLower(key)]; ok {
			// The same page written with other capitals.
			return u + extras, chain, false, nil
		}
		return "", chain, false, errMissing
	}
}

// isExternal reports whether a redirect target leaves the site.
func isExternal(to string) bool {
	return scheme(to) != "" || strings.HasPrefix(to, "//")
}

// splitExtras cuts the query and fragment off a path.
func splitExtras(p string) (string, string) {
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		return p[:i], p[i:]
	}
	return p, ""
}

func stripURLExtras(p string) string {
	p, _ = splitExtras(p)
	return p
}

// trimSlash removes a trailing slash, except from the root.
func trimSlash(p string) string {
	if len(p) > 1 {
		return strings.TrimSuffix(p, "/")
	}
	return p
}
