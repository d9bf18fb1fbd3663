package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
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
	if b, ok := st.page(p); ok {
		b, err := b.ready(st.tmpl, st.hot)
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
	if st.gone[p] || st.gone[strings.TrimSuffix(p, "/")] {
		return site.Errorf(site.EGONE, "%s has been removed", p)
	}
	if _, rest := st.localeOf(p); rest == "/search/" {
		return redirect(c, strings.TrimSuffix(p, "/"))
	}
	if to, ok := st.variant(p); ok {
		return redirect(c, to)
	}
	if to, ok := st.untranslated(p); ok {
		// 302: the page may be translated tomorrow, and then served here.
		return redirectWith(c, http.StatusFound, to)
	}
	return site.Errorf(site.ENOTFOUND, "no page at %s", p)
}

// untranslated returns where a reader goes from a path under another
// locale's prefix that no page has because it is not translated
// (/de/billing/refund, /de/billing/, as an app linking its users' language
// writes them): the article's version in that locale when it has one at
// another URL (a translated slug), else the default locale's article or
// category at the rest of the path, in any of the forms page redirects
// from. Anything else (a feed, the sitemap, a path no page has) is not
// one.
func (st *state) untranslated(p string) (string, bool) {
	v := st.view
	def := v.Lib.Config.DefaultLocale
	loc, rest := st.localeOf(p)
	if loc == def {
		return "", false
	}
	target := ""
	for _, r := range []string{rest, rest + "/", strings.TrimSuffix(rest, "/")} {
		if _, ok := st.page(r); ok && r != "" {
			target = r
			break
		}
	}
	if target == "" {
		if to, ok := st.variant(rest); ok {
			target, _ = url.PathUnescape(to) // variants answer escaped paths
		}
	}
	if a, err := v.ArticleByURL(target); err == nil && a.Locale == def {
		if t, err := v.Article(a.ID, loc); err == nil {
			return t.URL, true
		}
		return a.URL, true
	}
	if c, err := v.CategoryByURL(target); err == nil && c.Locale == def {
		return c.URL, true
	}
	return "", false
}

// redirect answers 301 to target, keeping the query string.
func redirect(c echo.Context, target string) error {
	return redirectWith(c, http.StatusMovedPermanently, target)
}

// redirectWith answers code (a 3xx) to target, keeping the query string.
func redirectWith(c echo.Context, code int, target string) error {
	if q := c.Request().URL.RawQuery; q != "" && !strings.Contains(target, "?") {
		target += "?" + q
	}
	return c.Redirect(code, target)
}
