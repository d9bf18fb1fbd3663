package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// pageCache lets browsers and Caddy keep a page briefly and revalidate it
// with its ETag afterwards.
const pageCache = "public, max-age=60"

// page serves the prepared home, category and article pages, sitemaps and
// feeds, the search page, aliases and redirects; anything else is a themed
// 404.
func (s *Server) page(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	r, w := c.Request(), c.Response()
	p := r.URL.Path
	if b, ok := st.pages[p]; ok {
		b.write(w, r, http.StatusOK, pageCache)
		return nil
	}
	if b, ok, err := st.feeds.blob(st.view, p); ok {
		if err != nil {
			return err
		}
		b.write(w, r, http.StatusOK, pageCache)
		return nil
	}
	// One URL form: categories end with a slash, articles do not.
	if strings.HasSuffix(p, "/") && p != "/" {
		if _, ok := st.pages[strings.TrimSuffix(p, "/")]; ok {
			return redirect(c, strings.TrimSuffix(p, "/"))
		}
	} else if _, ok := st.pages[p+"/"]; ok {
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
	loc, rest := st.localeOf(p)
	if rest == "/search" || rest == "/search/" {
		return s.searchPage(c, st, loc)
	}
	return site.Errorf(site.ENOTFOUND, "no page at %s", p)
}

// redirect answers 301 to target, keeping the query string.
func redirect(c echo.Context, target string) error {
	if q := c.Request().URL.RawQuery; q != "" && !strings.Contains(target, "?") {
		target += "?" + q
	}
	return c.Redirect(http.StatusMovedPermanently, target)
}

// searchPageSize is the number of results per search page.
const searchPageSize = 10

// searchPage renders /search?q=&page= on the server.
func (s *Server) searchPage(c echo.Context, st *state, loc string) error {
	r := c.Request()
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if utf8.RuneCountInString(q) > site.MaxQueryLen {
		return site.Errorf(site.EINVALID, "the query must be at most %d characters", site.MaxQueryLen)
	}
	pageNum, err := intParam(r.URL.Query(), "page", 1, 1, 1000)
	if err != nil {
		return err
	}
	verbatim, err := boolParam(r.URL.Query(), "verbatim")
	if err != nil {
		return err
	}
	v := st.view
	b := newBase(v, loc, "", "", "")
	b.NoIndex = true
	b.Query = q
	b.Title = b.T["results_title"] + " – " + b.SiteTitle
	data := &searchPage{basePage: b, Heading: b.T["results_title"], Start: (pageNum-1)*searchPageSize + 1}
	if q != "" {
		data.Title = fmt.Sprintf(b.T["results_for"], q) + " – " + b.SiteTitle
		data.Heading = fmt.Sprintf(b.T["results_for"], q)
		res, err := st.find(r.Context(), "s", site.SearchRequest{Query: q, Locale: loc, Limit: searchPageSize, Offset: (pageNum - 1) * searchPageSize, Verbatim: verbatim})
		if err != nil {
			return fmt.Errorf("search %q: %w", q, err)
		}
		id := r.URL.Query().Get("sid")
		if !validID(id) {
			id = newID()
		}
		data.SearchID = id
		data.Results = res
		if pageNum == 1 {
			s.recordSearch(c, id, q, loc, res.Total, site.SourceSite, "", "")
		}
		data.CountLabel = fmt.Sprintf(b.T["results_count"], res.Total)
		if res.Total == 1 {
			data.CountLabel = b.T["result_one"]
		}
		data.NoResults = fmt.Sprintf(b.T["no_results"], q)
		if res.CommonWords {
			// Only stop words, and no title has them as a phrase: say
			// so, rather than that nothing matches.
			data.NoResults = fmt.Sprintf(b.T["common_words"], q)
		}
		if res.Total > 0 && len(res.Hits) == 0 {
			data.NoResults = fmt.Sprintf(b.T["past_end"], q)
			data.FirstPageURL = searchURL(b.SearchURL, q, 1, verbatim)
		}
		if res.DidYouMean != "" {
			// The results are for the corrected query: say so, and offer
			// the words as typed.
			data.Heading = fmt.Sprintf(b.T["results_for"], res.DidYouMean)
			data.Title = data.Heading + " – " + b.SiteTitle
			data.DidYouMean = res.DidYouMean
			data.DidYouMeanURL = searchURL(b.SearchURL, res.DidYouMean, 1, false)
			data.InsteadURL = searchURL(b.SearchURL, q, 1, true)
		}
		if res.Locale != "" && res.Locale != loc && len(res.Hits) > 0 {
			data.FallbackNote = fmt.Sprintf(b.T["fallback_locale"], langName(res.Locale))
		}
		if pageNum > 1 {
			data.PrevURL = searchURL(b.SearchURL, q, pageNum-1, verbatim)
		}
		if pageNum*searchPageSize < res.Total {
			data.NextURL = searchURL(b.SearchURL, q, pageNum+1, verbatim)
		}
		data.PageLabel = fmt.Sprintf(b.T["page_n"], pageNum)
		if res.Total == 0 {
			data.Categories = v.TopCategories(loc)
		}
		data.Description = data.Heading + " – " + data.CountLabel
	} else {
		data.Categories = v.TopCategories(loc)
	}
	return s.renderDynamic(c, st, http.StatusOK, "search", data)
}

// searchURL is the URL of a page of results; verbatim searches the words
// as typed, without correction.
func searchURL(base, q string, page int, verbatim bool) string {
	u := base + "?q=" + url.QueryEscape(q)
	if verbatim {
		u += "&verbatim=1"
	}
	if page > 1 {
		u += "&page=" + strconv.Itoa(page)
	}
	return u
}

// renderDynamic renders a per-request page and writes it, compressed when
// the client accepts it. Such pages are never cached by shared caches.
func (s *Server) renderDynamic(c echo.Context, st *state, status int, name string, data any) error {
	body, err := st.tmpl.render(name, data)
	if err != nil {
		return err
	}
	newBlob(htmlType, body).write(c.Response(), c.Request(), status, "no-store")
	return nil
}

// recordSearch queues a search event, with personal data in the query
// replaced by placeholders first.
func (s *Server) recordSearch(c echo.Context, id, q, loc string, results int, source, context, path string) {
	q = site.Redact(q)
	s.opts.Recorder.RecordSearch(site.SearchEvent{
		ID: id, Query: q, Normalized: textnorm.Key(q), Locale: loc,
		Results: results, Source: source, Context: site.Redact(context), Path: site.Redact(path), Visitor: s.visitor(c),
		Time: s.opts.Now().UTC(),
	})
}

// visitor identifies the client for counting distinct people without
// storing who they are: an HMAC of the day, the client IP (the real one
// behind the trusted proxy) and the user agent, under a server secret. It
// changes every day and cannot be reversed to an IP. Empty without a key.
func (s *Server) visitor(c echo.Context) string {
	if len(s.opts.VisitorKey) == 0 {
		return ""
	}
	mac := hmac.New(sha256.New, s.opts.VisitorKey)
	fmt.Fprintf(mac, "%s|%s|%s", s.opts.Now().UTC().Format("2006-01-02"), c.RealIP(), c.Request().UserAgent())
	return hex.EncodeToString(mac.Sum(nil)[:16])
}

// static serves fingerprinted assets.
func (s *Server) static(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	if st.assets.serve(c.Response(), c.Request()) {
		return nil
	}
	return site.Errorf(site.ENOTFOUND, "no asset at %s", c.Request().URL.Path)
}

// contentImages are the file types served from the content folder.
var contentImages = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".svg": true, ".webp": true, ".avif": true}

// contentFile serves the images that articles reference, and nothing else
// from the content folder.
func (s *Server) contentFile(c echo.Context) error {
	name := strings.TrimPrefix(c.Request().URL.Path, "/_content/")
	ext := strings.ToLower(path.Ext(name))
	if s.opts.Content == nil || !contentImages[ext] || !fs.ValidPath(name) || strings.Contains("/"+name, "/.") {
		return site.Errorf(site.ENOTFOUND, "no file at %s", c.Request().URL.Path)
	}
	body, err := fs.ReadFile(s.opts.Content, name)
	if err != nil {
		return site.Errorf(site.ENOTFOUND, "no file at %s", c.Request().URL.Path)
	}
	ctype := mime.TypeByExtension(ext)
	if ext == ".svg" {
		// An SVG can hold script: serve it so browsers never run it.
		c.Response().Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
	}
	newBlob(ctype, body).write(c.Response(), c.Request(), http.StatusOK, "public, max-age=3600")
	return nil
}
