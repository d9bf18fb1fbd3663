package web

import (
	"net/http"
	"strings"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
	"github.com/labstack/echo/v4"
)

// maxEventBody is the largest POST /api/v1/events body accepted.
const maxEventBody = 8 << 10

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
	var in eventJSON
	if err := readJSON(c, maxEventBody, "event", &in); err != nil {
		return nil, err
	}
	var err error
	if in.Source, err = site.ParseSource(in.Source, site.SourceAPI, site.SourceSite, site.SourceWidget, site.SourceContact, site.SourceAPI); err != nil {
		return nil, err
	}
	if in.Locale, err = s.requestLocale(c, st, in.Locale); err != nil {
		return nil, err
	}
	switch in.Type {
	case site.EventSearch:
		if in.SearchID == "" {
			in.SearchID = site.NewID()
		}
		if textnorm.Blank(in.Query) {
			in.Query = "" // refused as an empty query
		}
		e := in.search()
		if err = e.Validate(); err == nil && !textnorm.HasWords(e.Query) {
			err = site.ErrNoWord
		}
	case site.EventOpen:
		if in.Source != site.SourceWidget {
			return nil, site.Errorf(site.EINVALID, "source: open events come from the widget, so source must be widget")
		}
		e := in.open()
		err = e.Validate()
	default:
		e := in.event()
		if err = e.Validate(); err == nil && in.ArticleID != "" {
			in.ArticleID = st.articleID(in.ArticleID, in.Locale) // recorded under the article's own ID
			if _, aerr := st.view.ArticleOrDefault(in.ArticleID, in.Locale); aerr != nil {
				err = site.Errorf(site.EINVALID, "article_id %q is not a published article", in.ArticleID)
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

// apiEvents records a click, a vote, a reading, a contact (not while the
// help center's own contact form is in use: the request sent is the
// contact), the final query of a typing session, or an opening of the
// widget panel. The store redacts personal
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
		e.Matched = len(st.contexts.Screen(e.Locale, e.Path, e.Context, nil, 1)) > 0
		e.Visitor, e.Time = visitor, now
		s.opts.Recorder.RecordOpen(e)
		return c.JSON(http.StatusAccepted, map[string]any{"status": "accepted", "matched": e.Matched})
	}
	e := in.event()
	if e.Type == site.EventContact && s.contactAvailable(st.view) {
		// "Contact support" leads to the help center's own form, which
		// answers first: opening it is no contact, the request sent is.
		return c.JSON(http.StatusAccepted, map[string]string{"status": "accepted"})
	}
	e.Validate()
	e.Visitor, e.Time = visitor, now
	s.opts.Recorder.RecordEvent(e)
	return c.JSON(http.StatusAccepted, map[string]string{"status": "accepted"})
}

// eventCORS guards POST /api/v1/events (see allowedOrigins).
func (s *Server) eventCORS(next echo.HandlerFunc) echo.HandlerFunc {
	return s.allowedOrigins("post events", next)
}

// allowedOrigins guards the public posts (events, contact requests,
// subscriptions): requests from another origin are accepted only from
// widget.allowed_origins (any when it says "*"), and preflights are
// answered for those alone; others get 403, naming what they may not do.
// Same-origin requests and requests without an Origin (servers, curl)
// pass.
func (s *Server) allowedOrigins(what string, next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Add("Vary", "Origin")
		raw := c.Request().Header.Get("Origin")
		preflight := c.Request().Method == http.MethodOptions
		if raw == "" || raw != "null" && s.sameOrigin(c, strings.ToLower(raw)) {
			if preflight {
				return c.NoContent(http.StatusNoContent)
			}
			return next(c)
		}
		st, err := s.current()
		if err != nil {
			return err
		}
		if cfg := st.view.Lib.Config.Widget; !cfg.AnyOrigin() {
			origin, err := site.NormalizeOrigin(raw)
			if err != nil || !cfg.Allows(origin) {
				return site.Errorf(site.EFORBIDDEN, "origin %q may not %s: it is not in widget.allowed_origins", raw, what)
			}
		}
		h.Set("Access-Control-Allow-Origin", raw)
		if preflight {
			h.Set("Access-Control-Allow-Methods", "POST")
			h.Set("Access-Control-Allow-Headers", askedHeaders(c, "Content-Type"))
			h.Set("Access-Control-Max-Age", "86400")
			return c.NoContent(http.StatusNoContent)
		}
		return next(c)
	}
}
