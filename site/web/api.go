package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
)

// maxEventBody is the largest POST /api/v1/events body accepted.
const maxEventBody = 8 << 10

// searchParams are the validated parameters of search and suggest.
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
	p.req.Query = strings.TrimSpace(qv.Get("q"))
	if utf8.RuneCountInString(p.req.Query) > site.MaxQueryLen {
		return p, site.Errorf(site.EINVALID, "q must be at most %d characters", site.MaxQueryLen)
	}
	if !utf8.ValidString(p.req.Query) {
		return p, site.Errorf(site.EINVALID, "q is not valid UTF-8")
	}
	loc, err := s.requestLocale(c, st, qv.Get("locale"))
	if err != nil {
		return p, err
	}
	p.req.Locale = loc
	if p.req.Limit, err = intParam(qv, "limit", defLimit, 1, 50); err != nil {
		return p, err
	}
	if p.req.Offset, err = intParam(qv, "offset", 0, 0, 10000); err != nil {
		return p, err
	}
	if p.req.Verbatim, err = boolParam(qv, "verbatim"); err != nil {
		return p, err
	}
	p.source = site.SourceAPI
	switch v := qv.Get("source"); v {
	case "", site.SourceAPI:
	case site.SourceSite, site.SourceWidget:
		p.source = v
	default:
		return p, site.Errorf(site.EINVALID, "source must be site, widget or api")
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

// requestLocale returns the explicit locale parameter when supported,
// else the best match for Accept-Language, else the default locale.
func (s *Server) requestLocale(c echo.Context, st *state, param string) (string, error) {
	locales := st.view.Lib.Locales()
	if param != "" {
		for _, l := range locales {
			if strings.EqualFold(l, param) {
				return l, nil
			}
		}
		return "", site.Errorf(site.EINVALID, "locale must be one of %s", strings.Join(locales, ", "))
	}
	if l := negotiateLocale(c.Request().Header.Get("Accept-Language"), locales); l != "" {
		return l, nil
	}
	return st.view.Lib.Config.DefaultLocale, nil
}

// searchResponse is the JSON of search and suggest (DESIGN.md §4).
type searchResponse struct {
	*site.SearchResults
	SearchID string `json:"search_id"`
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
	return c.JSON(http.StatusOK, searchResponse{SearchResults: res, SearchID: p.id})
}

// boolParam reads an optional boolean query parameter: "1" or "true" is
// true, absent, "0" or "false" false, anything else a 400 naming it.
func boolParam(q url.Values, name string) (bool, error) {
	switch q.Get(name) {
	case "", "0", "false":
		return false, nil
	case "1", "true":
		return true, nil
	}
	return false, site.Errorf(site.EINVALID, "%s must be 1 or 0", name)
}

// intParam reads an optional integer query parameter: def when absent, a
// 400 naming the parameter when it is not a number from lo to hi.
func intParam(q url.Values, name string, def, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, site.Errorf(site.EINVALID, "%s must be a number from %d to %d", name, lo, hi)
	}
	return n, nil
}

// articleRef is an article in the lists of the API (FAQ, context): enough
// to show a link and a summary.
type articleRef struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	URL         string `json:"url"` // absolute
	Description string `json:"description"`
	Locale      string `json:"locale"`
}

func newArticleRef(v *site.View, a *site.Article) articleRef {
	return articleRef{ID: a.ID, Title: a.Title, URL: absURL(v, a.URL), Description: a.Description, Locale: a.Locale}
}

// publicRead lets caches keep a read-only answer for a minute (any
// origin may read it: the route has the anyOrigin middleware).
func publicRead(c echo.Context) {
	c.Response().Header().Set("Cache-Control", "public, max-age=60")
}

// articleJSON is one article in the API.
type articleJSON struct {
	ID           string            `json:"id"`
	Locale       string            `json:"locale"`
	Title        string            `json:"title"`
	Description  string            `json:"description"`
	URL          string            `json:"url"`
	Category     string            `json:"category"`
	Tags         []string          `json:"tags"`
	Updated      time.Time         `json:"updated"`
	HTML         string            `json:"html"`
	TOC          []site.Heading    `json:"toc"`
	Translations map[string]string `json:"translations"`
}

func (s *Server) apiArticle(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	id, err := url.PathUnescape(c.Param("*"))
	if err != nil || id == "" {
		return site.Errorf(site.EINVALID, "article id is missing or malformed")
	}
	loc, err := s.requestLocale(c, st, c.QueryParam("locale"))
	if err != nil {
		return err
	}
	a, err := st.view.Article(id, loc)
	if err != nil {
		if a, err = st.view.Article(id, st.view.Lib.Config.DefaultLocale); err != nil {
			return err
		}
	}
	out := articleJSON{
		ID: a.ID, Locale: a.Locale, Title: a.Title, Description: a.Description, URL: a.URL,
		Tags: a.Tags, Updated: a.Updated, HTML: string(a.HTML), TOC: a.TOC, Translations: map[string]string{},
	}
	if out.Tags == nil {
		out.Tags = []string{}
	}
	if out.TOC == nil {
		out.TOC = []site.Heading{}
	}
	if cat, err := st.view.Category(a.CategoryID, a.Locale); err == nil {
		out.Category = cat.Title
	}
	for l, t := range st.view.Translations(a.ID) {
		out.Translations[l] = t.URL
	}
	return c.JSON(http.StatusOK, out)
}

// eventJSON is the body of POST /api/v1/events.
type eventJSON struct {
	Type      string `json:"type"`
	SearchID  string `json:"search_id"`
	ArticleID string `json:"article_id"`
	Locale    string `json:"locale"`
	Position  int    `json:"position"`
	Helpful   *bool  `json:"helpful"`
	Reason    string `json:"reason"`
	Comment   string `json:"comment"`
	Query     string `json:"query"`
	Results   int    `json:"results"`
	Source    string `json:"source"`
	Context   string `json:"context"`
	Path      string `json:"path"`
}

// readEvent reads an event body of at most maxEventBody bytes and checks
// it: the rules of its type (site.Event.Validate and the like), then what
// only the server knows (the locale, a published article).
func (s *Server) readEvent(c echo.Context, st *state) (*eventJSON, error) {
	r := c.Request()
	if r.ContentLength > maxEventBody {
		return nil, site.Errorf(site.ETOOLARGE, "event body is larger than %d bytes", maxEventBody)
	}
	body, err := io.ReadAll(http.MaxBytesReader(c.Response(), r.Body, maxEventBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, site.Errorf(site.ETOOLARGE, "event body is larger than %d bytes", maxEventBody)
		}
		return nil, site.Errorf(site.EINVALID, "cannot read the event body")
	}
	if !utf8.Valid(body) {
		return nil, site.Errorf(site.EINVALID, "event body is not valid UTF-8")
	}
	var in eventJSON
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return nil, site.Errorf(site.EINVALID, "event body is not valid JSON: %v", err)
	}
	if in.Source == "" {
		in.Source = site.SourceAPI
	}
	if in.Locale, err = s.requestLocale(c, st, in.Locale); err != nil {
		return nil, err
	}
	switch in.Type {
	case site.EventSearch:
		if in.SearchID == "" {
			in.SearchID = site.NewID()
		}
		e := in.search()
		err = e.Validate()
	case site.EventOpen:
		if in.Source != site.SourceWidget {
			return nil, site.Errorf(site.EINVALID, "open events come from the widget: source must be widget")
		}
		e := in.open()
		err = e.Validate()
	default:
		e := in.event()
		if err = e.Validate(); err == nil {
			if _, aerr := st.view.Article(in.ArticleID, in.Locale); aerr != nil {
				if _, aerr := st.view.Article(in.ArticleID, st.view.Lib.Config.DefaultLocale); aerr != nil {
					err = site.Errorf(site.EINVALID, "article_id %q is not a published article", in.ArticleID)
				}
			}
		}
	}
	return &in, err
}

// search, open and event turn the body into its domain type.
func (in *eventJSON) search() site.SearchEvent {
	return site.SearchEvent{ID: in.SearchID, Query: in.Query, Locale: in.Locale, Results: in.Results, Source: in.Source, Context: in.Context, Path: in.Path}
}

func (in *eventJSON) open() site.WidgetOpen {
	return site.WidgetOpen{Locale: in.Locale, Path: in.Path, Context: in.Context}
}

func (in *eventJSON) event() site.Event {
	return site.Event{Type: in.Type, SearchID: in.SearchID, ArticleID: in.ArticleID, Locale: in.Locale, Position: in.Position,
		Helpful: in.Helpful, Reason: in.Reason, Comment: in.Comment, Source: in.Source, Context: in.Context, Path: in.Path}
}

// apiEvents records a click, a vote, a reading, the final query of a typing
// session, or an opening of the widget panel. The store redacts personal
// data where the event enters it.
func (s *Server) apiEvents(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	in, err := s.readEvent(c, st)
	if err != nil {
		return err
	}
	if !s.mayRecord(c) {
		c.Response().Header().Set("Retry-After", "1")
		return site.Errorf(site.ERATE, "too many events from this client; this one was not recorded")
	}
	now, visitor := s.opts.Now().UTC(), s.visitor(c)
	switch in.Type {
	case site.EventSearch:
		e := in.search()
		e.Validate()
		e.Visitor, e.Time = visitor, now
		s.opts.Recorder.RecordSearch(e)
		return c.JSON(http.StatusAccepted, map[string]string{"status": "accepted", "search_id": e.ID})
	case site.EventOpen:
		e := in.open()
		e.Validate()
		// Whether the host page has help is decided here, from the
		// published contexts, not taken from the client.
		e.Matched = len(st.contexts.Match(e.Locale, e.Path, e.Context, nil, 1)) > 0
		e.Visitor, e.Time = visitor, now
		s.opts.Recorder.RecordOpen(e)
		return c.JSON(http.StatusAccepted, map[string]any{"status": "accepted", "matched": e.Matched})
	}
	e := in.event()
	e.Validate()
	e.Visitor, e.Time = visitor, now
	s.opts.Recorder.RecordEvent(e)
	return c.JSON(http.StatusAccepted, map[string]string{"status": "accepted"})
}

// feedback takes the "Was this helpful?" form when JavaScript is off and
// answers with a thank-you page.
func (s *Server) feedback(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	r := c.Request()
	if err := s.sameSite(c); err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(c.Response(), r.Body, maxEventBody)
	if err := r.ParseForm(); err != nil {
		return site.Errorf(site.EINVALID, "cannot read the form")
	}
	loc, err := s.requestLocale(c, st, r.PostForm.Get("locale"))
	if err != nil {
		return err
	}
	a, err := st.view.Article(r.PostForm.Get("article"), loc)
	if err != nil {
		return site.Errorf(site.EINVALID, "unknown article")
	}
	var helpful bool
	switch r.PostForm.Get("helpful") {
	case "yes":
		helpful = true
	case "no":
	default:
		return site.Errorf(site.EINVALID, "helpful must be yes or no")
	}
	b := newBase(st.view, loc, strs(loc)["thanks"], "", "")
	b.NoIndex = true
	page := &thanksPage{basePage: b, Helpful: helpful, BackURL: a.URL, ArticleID: a.ID, Reasons: reasonsFor(b.T)}
	if !helpful && r.PostForm.Get("step") != "final" {
		// Ask why before recording, so that one "No" is one vote.
		page.Ask = true
		page.Title = b.T["why_title"] + " – " + b.SiteTitle
		return s.renderDynamic(c, st, http.StatusOK, "thanks", page)
	}
	vote := site.Event{Type: site.EventVote, ArticleID: a.ID, Locale: a.Locale, Helpful: &helpful,
		Reason: r.PostForm.Get("reason"), Comment: r.PostForm.Get("comment"), Source: site.SourceSite}
	if err := vote.Validate(); err != nil {
		return err
	}
	if !s.mayRecord(c) {
		return site.Errorf(site.ERATE, "too many votes from this address; try again in a moment")
	}
	vote.Visitor, vote.Time = s.visitor(c), s.opts.Now().UTC()
	s.opts.Recorder.RecordEvent(vote)
	return s.renderDynamic(c, st, http.StatusOK, "thanks", page)
}
