package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/textnorm"
	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
)

type searchPage struct {
	basePage
	Heading string
	// HeadingQuery is the query Heading (and RelatedIntro) quote: the
	// words typed, or the correction the results are for.
	HeadingQuery string
	// HeadingLang, CountLang (of CountLabel or RelatedIntro) and
	// NoResultsLang are the languages of those texts when they are not
	// the page's (TLang), "" otherwise.
	HeadingLang, CountLang, NoResultsLang string
	Results                               *site.SearchResults
	SearchID                              string
	Start                                 int
	CountLabel                            string
	NoResults                             string
	DidYouMean                            string // the corrected query the results are for
	DidYouMeanURL                         string
	InsteadURL                            string // the query as typed, without correction
	FallbackNote                          string
	PrevURL                               string
	NextURL                               string
	FirstPageURL                          string // set past the last page
	PageLabel                             string
	Categories                            []*site.Category // with no query
	// Weak: the results answer the query only in part, and are shown as
	// related articles (RelatedIntro says so).
	Weak         bool
	RelatedIntro string
	// Next is what to do when the search found no answer (nothing, or
	// weak results).
	Next *nextSteps
	// Subscribe offers "Tell me when this is answered" on no or weak
	// results when subscriptions are on; nil otherwise (Next then offers
	// an e-mail to support, when contact_url is an address).
	Subscribe *subscribeForm
}

// searchPageSize is the number of results per search page.
const searchPageSize = 10

// search serves /search and /{locale}/search.
func (s *Server) search(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	loc := c.Param("locale")
	if loc == "" {
		loc = st.view.Lib.Config.DefaultLocale
	}
	return s.searchPage(c, st, loc)
}

// maxResultsPage is the last page number of results a page link may ask for.
const maxResultsPage = 1000

// searchPage renders /search?q=&page= on the server.
func (s *Server) searchPage(c echo.Context, st *state, loc string) error {
	r := c.Request()
	// A page is forgiving where the API is strict: bytes that are not
	// UTF-8 are repaired rather than refused, and control characters and
	// bidirectional overrides are spaces, as in what is recorded, so
	// nothing invalid or misleading is shown or stored (site.NormalQuery,
	// which also counts its length once normalised); a query of nothing
	// else is no query.
	// A query too long (pasted into a link: the box takes 255
	// characters) is searched by its first words, as many as fit.
	q, err := normalQuery("q", r.URL.Query().Get("q"))
	if err != nil {
		if q, err = normalQuery("q", firstWords(r.URL.Query().Get("q"))); err != nil {
			return err
		}
	}
	if textnorm.Blank(q) {
		q = ""
	}
	pageNum, err := intParam(r.URL.Query(), "page", 1, 1, maxResultsPage)
	if err != nil {
		return onPage(err, "bad_page", "max", i18n.Number(loc, maxResultsPage))
	}
	verbatim, err := boolParam(r.URL.Query(), "verbatim")
	if err != nil {
		return onPage(err, "bad_search_link")
	}
	v := st.view
	b := newBase(v, loc, "", "", "")
	b.NoIndex = true
	b.Query = q
	b.Title = b.T["results_title"] + " – " + b.SiteTitle
	data := &searchPage{basePage: b, Heading: b.T["results_title"], HeadingLang: b.TLang["results_title"], Start: (pageNum-1)*searchPageSize + 1}
	if q != "" {
		data.Title = v.UI.Text(loc, "results_for", "query", q) + " – " + b.SiteTitle
		data.Heading, data.HeadingLang, data.HeadingQuery = v.UI.Text(loc, "results_for", "query", q), b.TLang["results_for"], q
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
		data.CountLabel, data.CountLang = v.UI.Plural(loc, "result_count", res.Total), b.TLang["result_count"]
		data.NoResults, data.NoResultsLang = v.UI.Text(loc, "no_results", "query", q), b.TLang["no_results"]
		if res.CommonWords {
			// Only stop words, and no title has them as a phrase: say
			// so, rather than that nothing matches.
			data.NoResults, data.NoResultsLang = v.UI.Text(loc, "common_words", "query", q), b.TLang["common_words"]
		}
		// The pages of one query are one search: they carry its id, so a
		// click on page 2 counts for the search (its position is past
		// the articles recorded with it, see Events in the README) and
		// going back to page 1 does not count another search.
		pageURL := func(page int) string { return searchURL(b.SearchURL, q, page, verbatim) + "&sid=" + id }
		if res.Total > 0 && len(res.Hits) == 0 {
			data.NoResults, data.NoResultsLang = v.UI.Text(loc, "past_end", "query", q), b.TLang["past_end"]
			data.FirstPageURL = searchURL(b.SearchURL, q, 1, verbatim)
		}
		if res.DidYouMean != "" {
			// The results are for the corrected query: say so, and offer
			// the words as typed.
			data.Heading, data.HeadingLang, data.HeadingQuery = v.UI.Text(loc, "results_for", "query", res.DidYouMean), b.TLang["results_for"], res.DidYouMean
			data.Title = data.Heading + " – " + b.SiteTitle
			data.DidYouMean = res.DidYouMean
			data.DidYouMeanURL = searchURL(b.SearchURL, res.DidYouMean, 1, false)
			data.InsteadURL = searchURL(b.SearchURL, q, 1, true)
		}
		if res.Locale != "" && res.Locale != loc && len(res.Hits) > 0 {
			data.FallbackNote = v.UI.Text(loc, "fallback_locale", "language", v.UI.NameIn(res.Locale, b.shownIn("fallback_locale")))
		}
		if pageNum > 1 {
			data.PrevURL = pageURL(pageNum - 1)
		}
		if next := pageNum * searchPageSize; next < res.Total && next <= site.MaxOffset {
			data.NextURL = pageURL(pageNum + 1)
		}
		data.PageLabel = v.UI.Text(loc, "page_n", "page", i18n.Number(loc, pageNum))
		switch {
		case res.Total == 0:
			data.Next = s.nextStepsFor(st, b, q, true)
		case res.Weak:
			shown := q
			if res.DidYouMean != "" {
				shown = res.DidYouMean
			}
			data.Weak = true
			data.Heading, data.HeadingLang, data.HeadingQuery = v.UI.Text(loc, "related_for", "query", shown), b.TLang["related_for"], shown
			data.Title = data.Heading + " – " + b.SiteTitle
			data.RelatedIntro, data.CountLang = v.UI.Text(loc, "related_intro", "query", shown), b.TLang["related_intro"]
			data.Next = s.nextStepsFor(st, b, q, false)
		}
		if pageNum == 1 && weakResults(res) {
			data.Subscribe = s.subscribeFormFor(v, b, q, site.SourceSite)
		}
		data.Description = data.Heading + " – " + data.CountLabel
	} else {
		data.Categories = v.BrowseCategories(loc)
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

// recordSearch queues a search event with the articles it returned, with
// personal data in the query replaced by placeholders first. Beyond the
// client's recording budget the search is answered but not recorded, so
// one client cannot inflate counts.
func (s *Server) recordSearch(c echo.Context, id, q, loc string, res *site.SearchResults, source, context, path string) {
	if c.Request().Method == http.MethodHead || !s.mayRecord(c) {
		// HEAD: a monitor or a cache checking the answer, whose results nobody read.
		return
	}
	hits := make([]string, 0, min(len(res.Hits), site.MaxRecordedHits))
	for _, h := range res.Hits {
		if len(hits) == site.MaxRecordedHits {
			break
		}
		hits = append(hits, h.ID)
	}
	// Only related articles (weak: none answers half of what was asked)
	// is no answer: recorded with no result, as the gap report and the
	// dashboard's no-result rate count it, the rule the search page and
	// the contact form follow. The articles shown are kept, so a click on
	// one, or a reading or a "Yes" of one, still satisfies the search.
	results := res.Total
	if weakResults(res) {
		results = 0
	}
	s.storeSearch(c, id, q, loc, results, hits, source, context, path)
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

// normalQuery is site.NormalQuery, then Unicode NFC (textnorm.Normalize),
// so that every way of typing a letter is shown, searched and recorded
// alike.
func normalQuery(field, q string) (string, error) {
	q, err := site.NormalQuery(field, q)
	return textnorm.Normalize(q), err
}

// searchParams are the validated parameters of search and suggest.
// firstWords returns the first words of q that fit in a query
// (site.MaxQueryLen characters as meant, site.MaxQueryBytes bytes), the
// first word cut when it alone is longer.
func firstWords(q string) string {
	q = site.CleanText(q)
	fits := func(s string) bool { return len(s) <= site.MaxQueryBytes && site.QueryLen(s) <= site.MaxQueryLen }
	var out string
	for _, w := range strings.Fields(q) {
		next := strings.TrimSpace(out + " " + w)
		if !fits(next) {
			break
		}
		out = next
	}
	if out == "" { // one word longer than a query: its beginning
		for i := range q {
			if !fits(q[:i]) {
				break
			}
			out = q[:i]
		}
	}
	return out
}

type searchParams struct {
	req    site.SearchRequest
	id     string
	source string
	ctx    string
	path   string
}

// parseSearchParams validates q, locale, limit, offset, source, sid, and
// the widget's context and host path, answering 400 on anything out of
// range.
func (s *Server) parseSearchParams(c echo.Context, st *state, defLimit int) (searchParams, error) {
	qv := c.Request().URL.Query()
	var p searchParams
	q := qv.Get("q")
	if !utf8.ValidString(q) && len(q) <= site.MaxQueryBytes {
		return p, site.Errorf(site.EINVALID, "q is not valid UTF-8")
	}
	// Searched as normalised, and as long as it is once normalised.
	var err error
	if p.req.Query, err = normalQuery("q", q); err != nil {
		return p, err
	}
	if textnorm.Blank(p.req.Query) {
		p.req.Query = "" // replacement or invisible characters only: no query
	}
	loc, err := s.requestLocale(c, st, qv.Get("locale"))
	if err != nil {
		return p, err
	}
	p.req.Locale = loc
	if p.req.Limit, err = intParam(qv, "limit", defLimit, 1, 50); err != nil {
		return p, err
	}
	if p.req.Offset, err = intParam(qv, "offset", 0, 0, site.MaxOffset); err != nil {
		return p, err
	}
	if p.req.Verbatim, err = boolParam(qv, "verbatim"); err != nil {
		return p, err
	}
	if p.source, err = site.ParseSource(qv.Get("source"), site.SourceAPI, site.SourceSite, site.SourceWidget, site.SourceContact, site.SourceAPI); err != nil {
		return p, err
	}
	p.id = qv.Get("sid")
	if p.id != "" && !site.ValidID(p.id) {
		return p, site.Errorf(site.EINVALID, "sid must be a search_id returned by this API")
	}
	if p.id == "" {
		p.id = site.NewID()
	}
	if p.ctx, err = site.ContextKey(qv.Get("context")); err != nil {
		return p, err
	}
	if p.path, err = site.HostPath(qv.Get("path")); err != nil {
		return p, err
	}
	return p, nil
}

// searchResponse is the JSON of search and suggest (DESIGN.md §4).
// Each result's url is the article's path, as the README has always
// said, and absolute_url the same under base_url, which a client on
// another site (the widget's panel, an app) links to: a path there leads
// to that site, and misses the public URL's own path (a help center at
// https://example.com/help/).
type searchResponse struct {
	*site.SearchResults
	Results  []hitJSON `json:"results"` // shadows SearchResults.Hits
	SearchID string    `json:"search_id"`
}

// hitJSON is a result in the API.
type hitJSON struct {
	site.SearchHit
	AbsoluteURL string `json:"absolute_url"`
}

// newSearchResponse wraps res, whose hits a result cache may share, in
// new values.
func newSearchResponse(v *site.View, res *site.SearchResults, id string) searchResponse {
	out := searchResponse{SearchResults: res, Results: make([]hitJSON, len(res.Hits)), SearchID: id}
	for i, h := range res.Hits {
		out.Results[i] = hitJSON{SearchHit: h, AbsoluteURL: absURL(v, h.URL)}
	}
	return out
}

func (s *Server) apiSearch(c echo.Context) error { return s.apiFind(c, "s", 10) }

func (s *Server) apiSuggest(c echo.Context) error { return s.apiFind(c, "g", 8) }

// apiFind runs a search or suggest and records it. Suggest calls of one
// typing session share a search_id (the client sends it back as sid), so the
// store keeps one row holding the last query.
func (s *Server) apiFind(c echo.Context, kind string, defLimit int) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	p, err := s.parseSearchParams(c, st, defLimit)
	if err != nil {
		return err
	}
	res := &site.SearchResults{Query: p.req.Query, Locale: p.req.Locale, Hits: []site.SearchHit{}}
	if p.req.Query != "" {
		if res, err = s.find(c.Request().Context(), st, kind, p.req); err != nil {
			return err
		}
		if p.req.Offset == 0 {
			s.recordSearch(c, p.id, p.req.Query, p.req.Locale, res, p.source, p.ctx, p.path)
		}
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, newSearchResponse(st.view, res, p.id))
}

// find answers a search (kind "s") or suggest ("g") from the snapshot,
// timing the index (cached answers are not timed).
func (s *Server) find(ctx context.Context, st *state, kind string, req site.SearchRequest) (*site.SearchResults, error) {
	return st.find(ctx, kind, req, s.limiter.metrics.search)
}

func (st *published) find(ctx context.Context, kind string, req site.SearchRequest, timing *prometheus.HistogramVec) (*site.SearchResults, error) {
	key := cacheKey(kind, req)
	cache := st.results.Load()
	if res, ok := cache.get(key); ok {
		return res, nil
	}
	var res *site.SearchResults
	var err error
	start := time.Now()
	if kind == "g" {
		res, err = st.search.Suggest(ctx, req)
		timing.WithLabelValues("suggest").Observe(time.Since(start).Seconds())
	} else {
		res, err = st.search.Search(ctx, req)
		timing.WithLabelValues("search").Observe(time.Since(start).Seconds())
	}
	if err != nil {
		return nil, err
	}
	if res.Hits == nil {
		res.Hits = []site.SearchHit{}
	}
	cache.put(key, res)
	return res, nil
}
