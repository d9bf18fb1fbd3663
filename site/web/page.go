package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// pageCache lets browsers and Caddy keep a page briefly and revalidate it
// with its ETag afterwards.
const pageCache = "public, max-age=60"

// page serves what publication prepared (home, FAQ, category and article
// pages, sitemaps, robots.txt) and the feeds, then the other URL forms of a
// page, aliases and redirects (301) and removed pages (410); anything else
// is a themed 404.
func (s *Server) page(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	r, w := c.Request(), c.Response()
	p := r.URL.Path
	if to, ok := st.encodedVariant(r.URL.RawPath, p); ok {
		return redirect(c, to)
	}
	if k := pathKey(p); k != p {
		// Accents typed decomposed (/billing/re%CC%81duction): a page
		// answers at its one URL; aliases, redirects and removed pages
		// are looked up in the form they are keyed by.
		if _, ok := st.page(k); ok {
			return redirect(c, escapePath(k))
		}
		p = k
	}
	if b, ok := st.page(p); ok {
		b, err := b.ready(st.render, st.hot)
		if err != nil {
			return err
		}
		b.write(w, r, http.StatusOK, pageCache)
		return nil
	}
	if isFeedPath(p) {
		if b, ok, err := st.feeds().blob(st.view, p); ok {
			if err != nil {
				return err
			}
			b.write(w, r, http.StatusOK, pageCache)
			return nil
		}
	}
	if to, ok := st.feeds().variant(p); ok {
		return redirect(c, escapePath(to))
	}
	localePath := false
	if q, ok := st.view.Lib.Config.LocalePath(p); ok {
		// /de-DE/…, /en-US/…: the site's de and en, as another tool's
		// links write them; the lookups below read the site's locale.
		if _, ok := st.page(q); ok {
			return redirect(c, escapePath(q))
		}
		p, localePath = q, true
	}
	// One URL form: categories end with a slash, articles do not.
	if strings.HasSuffix(p, "/") && p != "/" {
		if _, ok := st.page(strings.TrimSuffix(p, "/")); ok {
			return redirect(c, strings.TrimSuffix(p, "/"))
		}
	} else if _, ok := st.page(p + "/"); ok {
		return redirect(c, p+"/")
	}
	if to, ok := st.moved[p]; ok {
		return redirect(c, to)
	}
	if to, ok := st.moved[strings.TrimSuffix(p, "/")]; ok && p != "/" {
		return redirect(c, to)
	}
	if st.isGone(p) {
		return site.Errorf(site.EGONE, "%s has been removed", p)
	}
	if _, rest := st.localeOf(p); rest == "/search/" {
		return redirect(c, strings.TrimSuffix(p, "/"))
	}
	if to, ok := st.variant(p); ok {
		return redirect(c, to)
	}
	if to, code, ok := st.untranslated(p); ok {
		return redirectWith(c, code, to)
	}
	if localePath {
		// The site's locale answers what no page here does: its search
		// and contact pages (/de-DE/search?q=… is /de/search?q=…), a 404.
		return redirect(c, escapePath(strings.TrimSuffix(p, "/")))
	}
	return site.Errorf(site.ENOTFOUND, "no page at %s", p)
}

// untranslated returns where a reader goes from a path under another
// locale's prefix that no page has, and with which status:
//
//   - the rest of the path is a default-locale article or category, in
//     any of the forms page redirects from (/de/billing/refund, as an app
//     linking its users' language writes it): the page's version in that
//     locale when it has one at another URL (a translated slug, a
//     category titled in the locale), else the default locale's; 302,
//     since the page may be translated tomorrow and then served here;
//   - the rest is an old URL, an article's alias or a redirect of
//     redirects.yaml to a page of the site (/de/old/refund for the alias
//     /old/refund): the same, from the page it leads to; 301 when that
//     page is the locale's own (an alias of the German article written
//     without its prefix), which no translation will change.
//
// Anything else (a feed, the sitemap, another locale's page under this
// prefix, a redirect off the site, a path no page has) is not one.
func (st *state) untranslated(p string) (string, int, bool) {
	v := st.view
	def := v.Lib.Config.DefaultLocale
	loc, rest := st.localeOf(p)
	if loc == def {
		return "", 0, false
	}
	if l, _ := st.localeOf(rest); l != def {
		return "", 0, false // /de/fr/…: no path of this site
	}
	for _, r := range []string{rest, rest + "/", strings.TrimSuffix(rest, "/")} {
		if _, ok := st.page(r); ok && r != "" {
			return st.inLocale(r, loc, false)
		}
	}
	for _, r := range []string{rest, strings.TrimSuffix(rest, "/")} {
		if to, ok := st.moved[r]; ok && r != "" && r != "/" {
			return st.inLocale(to, loc, true)
		}
	}
	if t, ok := st.variantOf(rest); ok && !t.gone {
		target, _ := url.PathUnescape(t.to) // variants answer escaped paths
		return st.inLocale(target, loc, t.moved)
	}
	return "", 0, false
}

// inLocale returns where a reader of loc goes for the article or category
// at target (see untranslated): its version in loc, else the default
// locale's. Without moved (target is the path without the locale prefix)
// only a default-locale page is one; with it (target is where an alias
// or redirect leads), a page of any locale is, and one of loc answers 301.
func (st *state) inLocale(target, loc string, moved bool) (string, int, bool) {
	v := st.view
	def := v.Lib.Config.DefaultLocale
	target, _, _ = strings.Cut(target, "#") // a redirect to a heading leads to its page
	if a, err := v.ArticleByURL(target); err == nil && (moved || a.Locale == def) {
		if a.Locale == loc {
			return a.URL, http.StatusMovedPermanently, true
		}
		for _, l := range []string{loc, def} {
			if t, err := v.Article(a.ID, l); err == nil {
				return t.URL, http.StatusFound, true
			}
		}
		return a.URL, http.StatusFound, true
	}
	if c, err := v.CategoryByURL(target); err == nil && (moved || c.Locale == def) {
		for _, l := range []string{loc, def} {
			if t := v.CategoryTranslations(c.ID)[l]; t != nil && v.HasPage(t) {
				if t == c && l == loc {
					return t.URL, http.StatusMovedPermanently, true
				}
				return t.URL, http.StatusFound, true
			}
		}
	}
	return "", 0, false
}

// pathKey is the form in which a request's path is looked up among the
// paths the site answers (pages, aliases, redirects, removed pages), and
// those paths keyed: Unicode NFC with invisible characters removed
// (textnorm.Normalize), so that a path typed with decomposed accents
// (/aide/re%CC%81duction, as macOS and some clients write them) finds the
// one written composed (/aide/r%C3%A9duction), and the other way round.
func pathKey(p string) string { return textnorm.Normalize(p) }

// redirect answers 301 to target, keeping the query string.
func redirect(c echo.Context, target string) error {
	return redirectWith(c, http.StatusMovedPermanently, target)
}

// redirectWith answers code (a 3xx) to target, keeping the query string
// (before target's fragment: /billing/refund?x=1#fees).
func redirectWith(c echo.Context, code int, target string) error {
	base, frag, hasFrag := strings.Cut(target, "#")
	if q := c.Request().URL.RawQuery; q != "" && !strings.Contains(base, "?") {
		base += "?" + q
	}
	if hasFrag {
		base += "#" + frag
	}
	return c.Redirect(code, base)
}

// isGone reports whether p is a page redirects.yaml marks removed, written
// in any of the forms a live page answers 301 from (variantOf: any letter
// case, with or without its trailing slash, a trailing .md or .html,
// /index, the default locale's prefix), and under any locale's prefix
// (/de/old/gone for /old/gone): a removed page is gone in every language.
func (st *state) isGone(p string) bool {
	_, rest := st.localeOf(p)
	for _, q := range []string{p, rest} {
		if t, ok := st.variantOf(q); ok && t.gone {
			return true
		}
	}
	return false
}
