package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
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
	if to, ok := st.encodedVariant(r.URL.RawPath, p); ok {
		return redirect(c, to)
	}
	if b, ok := st.page(p); ok {
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
	loc, rest := st.localeOf(p)
	if rest == "/search" || rest == "/search/" {
		return s.searchPage(c, st, loc)
	}
	if to, ok := st.variant(p); ok {
		return redirect(c, to)
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
	// A page is forgiving where the API is strict: bytes that are not
	// UTF-8 are repaired rather than refused, so nothing invalid is shown
	// or stored.
	q := strings.TrimSpace(strings.ToValidUTF8(r.URL.Query().Get("q"), "\uFFFD"))
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
		res, err := s.find(r.Context(), st, "s", site.SearchRequest{Query: q, Locale: loc, Limit: searchPageSize, Offset: (pageNum - 1) * searchPageSize, Verbatim: verbatim})
		if err != nil {
			return fmt.Errorf("search %q: %w", q, err)
		}
		id := r.URL.Query().Get("sid")
		if !site.ValidID(id) {
			id = site.NewID()
		}
		data.SearchID = id
		data.Results = res
		if pageNum == 1 {
			s.recordSearch(c, id, q, loc, res, site.SourceSite, "", "")
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

// recordSearch queues a search event with the articles it returned, with
// personal data in the query replaced by placeholders first. Beyond the
// client's recording budget the search is answered but not recorded, so
// one client cannot inflate counts.
func (s *Server) recordSearch(c echo.Context, id, q, loc string, res *site.SearchResults, source, context, path string) {
	if !s.mayRecord(c) {
		return
	}
	hits := make([]string, 0, min(len(res.Hits), site.MaxRecordedHits))
	for _, h := range res.Hits {
		if len(hits) == site.MaxRecordedHits {
			break
		}
		hits = append(hits, h.ID)
	}
	s.storeSearch(c, id, q, loc, res.Total, hits, source, context, path)
}

// storeSearch queues a search event whose recording budget was taken;
// hits are the IDs of the articles it returned, if known.
func (s *Server) storeSearch(c echo.Context, id, q, loc string, results int, hits []string, source, context, path string) {
	e := site.SearchEvent{ID: id, Query: q, Locale: loc, Results: results, Hits: hits,
		Source: source, Context: context, Path: path, Visitor: s.visitor(c), Time: s.opts.Now().UTC()}
	if err := e.Validate(); err != nil {
		return // what the search page or API accepted, the store would refuse: not recorded
	}
	s.opts.Recorder.RecordSearch(e)
}

// visitor identifies the client for counting distinct people without
// storing who they are: an HMAC of the day and the client's key (its real
// address behind the trusted proxy, IPv6 by /64; see clientKey) under a
// server secret. A visitor is a client address per day, whatever its
// User-Agent, so rotating the User-Agent does not make new visitors. It
// changes every day and cannot be reversed to an address. Empty without a
// key.
func (s *Server) visitor(c echo.Context) string {
	day := s.opts.Now().UTC().Format("2006-01-02")
	key := s.visitorKey(c.Request().Context(), day)
	if len(key) == 0 {
		return ""
	}
	mac := hmac.New(sha256.New, key)
	fmt.Fprintf(mac, "%s|%s", day, client(c))
	return hex.EncodeToString(mac.Sum(nil)[:16])
}

// visitorKey returns the day's visitor key, asking the store once a day;
// nil when there is none or the store fails (the visitor is then not
// identified rather than the request failed).
func (s *Server) visitorKey(ctx context.Context, day string) []byte {
	if s.opts.VisitorKeys == nil {
		return nil
	}
	s.dayKeyMu.Lock()
	defer s.dayKeyMu.Unlock()
	if s.dayKey.day == day {
		return s.dayKey.key
	}
	key, err := s.opts.VisitorKeys(ctx, day)
	if err != nil {
		s.opts.Logger.Warn("visitor key", "err", err)
		return nil
	}
	s.dayKey.day, s.dayKey.key = day, key
	return key
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

// contentFile serves the images and attachments that visible articles
// reference (site.View.Published), and nothing else from the content
// folder: not the Markdown sources, not a file no article links to, not
// what a symbolic link outside the folder points to (the folder is read
// through an os.Root).
func (s *Server) contentFile(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	name := strings.TrimPrefix(c.Request().URL.Path, "/_content/")
	ext := strings.ToLower(path.Ext(name))
	if s.opts.Content == nil || !fs.ValidPath(name) || !st.view.Published(name) ||
		!site.IsImage(name) && !site.IsAttachment(name) {
		return site.Errorf(site.ENOTFOUND, "no file at %s", c.Request().URL.Path)
	}
	f, err := s.opts.Content.Open(name)
	if err != nil {
		return site.Errorf(site.ENOTFOUND, "no file at %s", c.Request().URL.Path)
	}
	defer f.Close()
	info, err := f.Stat()
	rs, seekable := f.(io.ReadSeeker)
	if err != nil || !info.Mode().IsRegular() || !seekable {
		return site.Errorf(site.ENOTFOUND, "no file at %s", c.Request().URL.Path)
	}
	ctype := mime.TypeByExtension(ext)
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if ext == ".svg" {
		// An SVG can hold script: serve it so browsers never run it.
		c.Response().Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
	}
	if !site.IsImage(name) {
		c.Response().Header().Set("Content-Disposition", "attachment; filename=\""+strings.ReplaceAll(path.Base(name), `"`, "")+"\"")
		c.Response().Header().Set("Content-Security-Policy", "default-src 'none'; sandbox")
	}
	// Streamed from disk, never read whole into memory: ranges (for video
	// and resumed downloads), Last-Modified and a validator from its size
	// and time, so a 300 MB attachment costs no more memory than a
	// thumbnail. Compression is the proxy's job (Caddy's encode).
	h := c.Response().Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "public, max-age=3600")
	h.Set("ETag", fmt.Sprintf(`"%x-%x"`, info.Size(), info.ModTime().UnixNano()))
	http.ServeContent(c.Response(), c.Request(), "", info.ModTime(), rs)
	return nil
}
