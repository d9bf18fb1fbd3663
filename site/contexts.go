package site

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Context matching: the `contexts` of an article name where in a product
// it helps. An entry starting with "/" is a URL path pattern matched
// against the host page's path ("*" stands for any characters inside one
// segment, "**" for any characters across segments, a trailing "/*" also
// matches the path itself); any other entry is a context key the app sets
// ("checkout"), compared without case.

// ContextMatch is one article that fits a host page.
type ContextMatch struct {
	Article *Article
	// How is "context" (the key matched), "path" (a path pattern
	// matched) or "faq" (nothing matched: the top FAQ stands in).
	How string
	// Specificity orders matches: a key beats any path; among paths, the
	// pattern with more literal characters wins, an exact path first.
	Specificity int
}

// Match kinds.
const (
	MatchContext = "context"
	MatchPath    = "path"
	MatchFAQ     = "faq"
)

// keySpecificity ranks a context key above every path pattern: the app
// chose it for this screen.
const keySpecificity = 1 << 20

type pathPattern struct {
	pattern     string // as written
	re          *regexp.Regexp
	specificity int
	article     *Article
}

// ContextIndex finds the articles of a view whose contexts fit a host
// page. Build it once per view; it is immutable.
type ContextIndex struct {
	keys  map[string][]*Article // locale|lower-cased key
	exact map[string][]*Article // locale|path without trailing slash
	globs map[string][]pathPattern
	// has holds locale|id of every article indexed (translated or not),
	// and def is the default locale, for Screen.
	has map[string]bool
	def string
	// compose puts text in Unicode's composed form (NFC).
	compose func(string) string
}

// NewContextIndex indexes the contexts of the view's visible articles.
// compose puts text in Unicode's composed form (NFC, textnorm.Compose),
// which the domain cannot do; path patterns and host paths are matched
// as read (ReadablePath), then composed, so that "/café" typed with its
// accent apart, or escaped, is the screen "/café". nil composes nothing.
func NewContextIndex(v *View, compose func(string) string) *ContextIndex {
	if compose == nil {
		compose = func(s string) string { return s }
	}
	ix := &ContextIndex{keys: map[string][]*Article{}, exact: map[string][]*Article{}, globs: map[string][]pathPattern{}, has: map[string]bool{}, compose: compose}
	if v.Lib != nil {
		ix.def = v.Lib.Config.DefaultLocale
	}
	for loc, list := range v.ByLocale {
		for _, a := range list {
			if a.Draft {
				continue
			}
			ix.has[loc+"|"+a.ID] = true
			for _, c := range a.Contexts {
				c = strings.TrimSpace(c)
				switch {
				case c == "":
				case !strings.HasPrefix(c, "/"):
					k := loc + "|" + ScreenKey(c)
					ix.keys[k] = append(ix.keys[k], a)
				case !strings.Contains(c, "*"):
					k := loc + "|" + ScreenKey(ix.compose(ReadablePath(c)))
					ix.exact[k] = append(ix.exact[k], a)
				default:
					re, literal := globRegexp(ix.compose(ReadablePath(c)))
					ix.globs[loc] = append(ix.globs[loc], pathPattern{pattern: c, re: re, specificity: 2 * literal, article: a})
				}
			}
		}
	}
	return ix
}

// Samples returns, sorted, the context keys and the literal paths (a
// pattern's wildcards filled with "example" when there are none) that
// articles of a locale name: screens the widget demo can show.
func (ix *ContextIndex) Samples(locale string) (keys, paths []string) {
	for k := range ix.keys {
		if l, key, _ := strings.Cut(k, "|"); l == locale {
			keys = append(keys, key)
		}
	}
	for k := range ix.exact {
		if l, p, _ := strings.Cut(k, "|"); l == locale {
			paths = append(paths, p)
		}
	}
	if len(paths) == 0 {
		for _, g := range ix.globs[locale] {
			paths = append(paths, strings.ReplaceAll(strings.ReplaceAll(g.pattern, "**", "*"), "*", "example"))
		}
	}
	sort.Strings(keys)
	sort.Strings(paths)
	return keys, paths
}

func trimSlash(p string) string {
	if p != "/" {
		p = strings.TrimRight(p, "/")
	}
	return p
}

// ReadablePath returns a host path, or a path pattern, as people read it:
// its percent escapes decoded, since a browser gives a page's path
// encoded (location.pathname is "/%C3%A9quipe" on /équipe, "%20" for a
// space) while patterns are written as people read paths (and an encoded
// pattern means the same). An escape stays as written where decoding it
// would change how the path is read — "/" (%2F), "?", "#", ";", "%"
// itself and control characters — or where the bytes it escapes are no
// UTF-8 ("%E9", Latin-1); so does a "%" that escapes nothing
// ("/report/100%", an escape cut short). Reading a path twice changes
// nothing. Unicode composition, which the domain cannot do, is the
// caller's (textnorm.Path does both: events, the context index and the
// gap report read screens through it). The path's segments are not
// cleaned here (CleanPath does that).
func ReadablePath(p string) string {
	if !strings.Contains(p, "%") {
		return p
	}
	var b strings.Builder
	var run []byte // the bytes a run of escapes stands for
	start := 0     // where the run starts in p
	flush := func(end int) {
		if len(run) == 0 {
			return
		}
		if !utf8.Valid(run) {
			b.WriteString(p[start:end])
		} else {
			for _, c := range string(run) {
				if c < 0x20 || c == 0x7f || strings.ContainsRune("/?#;%", c) {
					b.WriteString(strings.ToUpper(string([]byte{'%', "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15]})))
				} else {
					b.WriteRune(c)
				}
			}
		}
		run = run[:0]
	}
	for i := 0; i < len(p); i++ {
		if p[i] == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]) {
			if len(run) == 0 {
				start = i
			}
			run = append(run, unhex(p[i+1])<<4|unhex(p[i+2]))
			i += 2
			continue
		}
		flush(i)
		b.WriteByte(p[i])
	}
	flush(len(p))
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// ScreenKey is what tells two host screens apart, as contexts fit them:
// an entry or a screen starting with "/" is a path, with or without its
// trailing slash ("/orders/" is "/orders"); anything else a context key in
// any case and however its words are spaced ("Checkout  Review" is
// "checkout review"). The context index and the gap report's screens with
// no help read screens by it.
func ScreenKey(screen string) string {
	screen = strings.TrimSpace(screen)
	if strings.HasPrefix(screen, "/") {
		return trimSlash(screen)
	}
	return strings.Join(strings.Fields(strings.ToLower(screen)), " ")
}

// globRegexp compiles a path pattern and counts its literal characters.
// Bytes that are not UTF-8 stand for U+FFFD, so no pattern can fail.
func globRegexp(p string) (*regexp.Regexp, int) {
	var b strings.Builder
	b.WriteString("^")
	p = trimSlash(strings.ToValidUTF8(p, "\uFFFD"))
	tail := ""
	switch {
	case strings.HasSuffix(p, "/**"):
		tail, p = "(?:/.*)?", strings.TrimSuffix(p, "/**")
	case strings.HasSuffix(p, "/*"):
		tail, p = "(?:/[^/]*)?", strings.TrimSuffix(p, "/*")
	}
	for i := 0; i < len(p); {
		switch {
		case strings.HasPrefix(p[i:], "**"):
			b.WriteString(".*")
			i += 2
		case p[i] == '*':
			b.WriteString("[^/]*")
			i++
		default:
			_, n := utf8.DecodeRuneInString(p[i:])
			b.WriteString(regexp.QuoteMeta(p[i : i+n]))
			i += n
		}
	}
	b.WriteString(tail + "$")
	return regexp.MustCompile(b.String()), len(strings.ReplaceAll(p, "*", ""))
}

// Match returns the articles of locale whose contexts fit the host page's
// path and context key, most specific first, ties broken by rank (an
// article's position in the FAQ, lower first; articles not in it after),
// each article once, at most limit.
func (ix *ContextIndex) Match(locale, path, key string, rank map[string]int, limit int) []ContextMatch {
	best := map[*Article]ContextMatch{}
	add := func(a *Article, how string, spec int) {
		if m, ok := best[a]; !ok || spec > m.Specificity {
			best[a] = ContextMatch{Article: a, How: how, Specificity: spec}
		}
	}
	if key = ScreenKey(key); key != "" && !strings.HasPrefix(key, "/") {
		for _, a := range ix.keys[locale+"|"+key] {
			add(a, MatchContext, keySpecificity)
		}
	}
	if path != "" {
		p := trimSlash(ix.compose(ReadablePath(path)))
		for _, a := range ix.exact[locale+"|"+p] {
			add(a, MatchPath, 2*len(p)+1) // an exact path beats a pattern as long
		}
		for _, g := range ix.globs[locale] {
			if g.re.MatchString(p) {
				add(g.article, MatchPath, g.specificity)
			}
		}
	}
	out := make([]ContextMatch, 0, len(best))
	for _, m := range best {
		out = append(out, m)
	}
	pos := func(a *Article) int {
		if r, ok := rank[a.ID]; ok {
			return r
		}
		return 1 << 30
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.Specificity != y.Specificity {
			return x.Specificity > y.Specificity
		}
		if px, py := pos(x.Article), pos(y.Article); px != py {
			return px < py
		}
		return x.Article.URL < y.Article.URL
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// Screen returns the articles for a host screen read in locale: its
// matches in locale (Match), then, for another locale than the default,
// the default locale's matches whose article is not translated into
// locale, in their own language (their Article.Locale says which), as
// search completes a locale with the default one. rank gives each
// locale's FAQ ranks (nil: none). At most limit in all (0: no limit).
func (ix *ContextIndex) Screen(locale, path, key string, rank map[string]map[string]int, limit int) []ContextMatch {
	out := ix.Match(locale, path, key, rank[locale], limit)
	if locale == ix.def || ix.def == "" || limit > 0 && len(out) >= limit {
		return out
	}
	for _, m := range ix.Match(ix.def, path, key, rank[ix.def], 0) {
		if ix.has[locale+"|"+m.Article.ID] {
			continue // its translation fits the screen, or was given contexts that do not
		}
		out = append(out, m)
		if limit > 0 && len(out) == limit {
			break
		}
	}
	return out
}
