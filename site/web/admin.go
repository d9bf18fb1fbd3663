package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// Insights is what the admin page and the insights API read and change.
type Insights interface {
	// Report is the content-gap report (the one gaps.Service).
	Report(ctx context.Context, opts gaps.Options) (gaps.Report, error)
	// Decide records the team's decision on a gap ("" takes it back).
	Decide(ctx context.Context, id, status, note string) error
	// LinkTopic links the topic of an unlinked-ticket gap to an article
	// by hand and returns how many stored tickets it linked.
	LinkTopic(ctx context.Context, gapID, articleID string) (int, error)
	NotHelpful(ctx context.Context, since time.Time, limit int) ([]site.ArticleFeedback, error)
	// WidgetOpens counts the widget's openings since a time, and those on
	// screens no article fitted.
	WidgetOpens(ctx context.Context, since time.Time) (total, unmatched int, err error)
	// TicketTotals counts stored tickets by link method ("" unlinked).
	TicketTotals(ctx context.Context) (map[string]int, error)
}

const (
	sessionCookie = "guichet_admin"
	sessionTTL    = 12 * time.Hour
	adminScope    = "admin"
)

// errUnauthorized answers 401 without a hint of which tokens exist.
var errUnauthorized = site.Errorf(site.EUNAUTHORIZED, "a valid admin token is required")

// apiGaps answers GET /api/v1/insights/gaps (bearer token, scope admin).
func (s *Server) apiGaps(c echo.Context) error {
	if s.opts.Insights == nil || s.opts.Auth == nil {
		return site.Errorf(site.ENOTFOUND, "insights are not available")
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	if err := s.requireToken(c, adminScope); err != nil {
		return err
	}
	q := c.QueryParams()
	since, err := parseSince(q.Get("since"), s.opts.Now())
	if err != nil {
		return err
	}
	opts := gaps.Options{Since: since, Locale: q.Get("locale"), MinVisitors: 2, KeepIgnored: q.Get("all") == "true"}
	if v := q.Get("min_visitors"); v != "" {
		if opts.MinVisitors, err = strconv.Atoi(v); err != nil || opts.MinVisitors < 1 || opts.MinVisitors > 1000000 {
			return site.Errorf(site.EINVALID, "min_visitors must be a positive number")
		}
	}
	format := q.Get("format")
	if format != "" && format != "json" && format != "csv" {
		return site.Errorf(site.EINVALID, "format must be json or csv")
	}
	report, err := s.opts.Insights.Report(c.Request().Context(), opts)
	if err != nil {
		return err
	}
	if format == "csv" {
		c.Response().Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
		c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="gaps.csv"`)
		c.Response().WriteHeader(http.StatusOK)
		return gaps.WriteCSV(c.Response(), report.Gaps)
	}
	return c.JSON(http.StatusOK, report)
}

// session returns the secret of the request's live admin session, "" when
// it has none (no cookie, or one that is unknown, expired, signed out or
// whose token was revoked). The session is checked against the store on
// every request; a store failure is an error, not a signed-out visitor.
func (s *Server) session(c echo.Context) (string, error) {
	ck, err := c.Cookie(sessionCookie)
	if err != nil || ck.Value == "" || s.opts.Auth == nil {
		return "", nil
	}
	if _, err := s.opts.Auth.Session(c.Request().Context(), ck.Value); err != nil {
		if site.ErrorCode(err) == site.EUNAUTHORIZED {
			return "", nil
		}
		return "", err
	}
	return ck.Value, nil
}

// csrfToken ties a form to the session it was shown in: a hash of the
// session's secret, which only the holder of the cookie knows.
func csrfToken(session string) string {
	sum := sha256.Sum256([]byte("guichet-csrf\x00" + session))
	return hex.EncodeToString(sum[:])
}

// checkForm rejects cross-site posts: the CSRF field must match the
// session, and an Origin header, when sent, must be this site.
func (s *Server) checkForm(c echo.Context, session string) error {
	r := c.Request()
	if err := s.sameSite(c); err != nil {
		return err
	}
	got := r.PostFormValue("csrf")
	if session == "" || subtle.ConstantTimeCompare([]byte(got), []byte(csrfToken(session))) != 1 {
		return site.Errorf(site.EFORBIDDEN, "the form has expired; reload the page")
	}
	return nil
}

func (s *Server) setSession(c echo.Context, value string, maxAge int) {
	c.SetCookie(&http.Cookie{
		Name: sessionCookie, Value: value, Path: "/admin/", MaxAge: maxAge,
		Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode,
	})
}

// adminPage is the team's insights page.
type adminPage struct {
	basePage
	SignedIn bool
	Error    string
	CSRF     string
	Since    string
	// Gaps are the failed searches grouped by meaning.
	Gaps       []gaps.Gap
	Top        []gaps.QueryCount
	NotHelpful []adminFeedback
	Statuses   []string
	// Unlinked are the topics of tickets no article answers.
	Unlinked []gaps.Gap
	// Screens are the host screens where the widget opened with no
	// article for them.
	Screens []gaps.Gap
	// WidgetOpens counts the widget's openings since the period's start,
	// and those with no article for the screen.
	WidgetOpens, WidgetUnmatched int
	Tickets                      []adminTickets
	// ContentErrors are the first errors of the content being served, of
	// ContentErrorCount.
	ContentErrors     []site.Problem
	ContentErrorCount int
	// TicketsTotal and TicketsBy count stored tickets, by link method.
	TicketsTotal int
	TicketsBy    map[string]int
}

// adminTickets is one article's line of the tickets table.
type adminTickets struct {
	site.ArticleTickets
	Title, URL, Source string
	Trend              string
	Updated            time.Time
	// Before and After count tickets in the 30 days before the article's
	// last update and since then (AfterDays days, at most 30).
	Before, After, AfterDays int
}

// ticketRows lists the articles with tickets in the last 90 days, most
// first, with how their count moved since their last update.
func ticketRows(st *state, limit int) []adminTickets {
	var out []adminTickets
	for _, a := range st.stats.All() {
		if a.Last90 == 0 {
			continue
		}
		row := adminTickets{ArticleTickets: a, Title: a.ArticleID, Trend: a.Trend()}
		if art, err := st.view.Article(a.ArticleID, a.Locale); err == nil {
			row.Title, row.URL, row.Source, row.Updated = art.Title, art.URL, art.SourcePath, art.Updated
			if !art.Updated.IsZero() {
				row.Before, row.After, row.AfterDays = st.stats.Around(a.ArticleID, a.Locale, art.Updated, 30)
			}
		}
		out = append(out, row)
		if len(out) == limit {
			break
		}
	}
	return out
}

type adminFeedback struct {
	site.ArticleFeedback
	Title   string
	URL     string
	Source  string
	ShareNo int // percent
}

func (s *Server) adminBase(st *state) basePage {
	b := newBase(st.view, st.view.Lib.Config.DefaultLocale, "Insights", "", "")
	b.NoIndex = true
	b.Title = "Insights – " + b.SiteTitle
	return b
}

// admin serves GET /admin/: the sign-in form, or the insights.
func (s *Server) admin(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	if s.opts.Insights == nil || s.opts.Auth == nil {
		return site.Errorf(site.ENOTFOUND, "the admin page is not available")
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	c.Response().Header().Set("X-Frame-Options", "DENY")
	page := &adminPage{basePage: s.adminBase(st)}
	sess, err := s.session(c)
	if err != nil {
		return err
	}
	if sess == "" {
		return s.renderDynamic(c, st, http.StatusOK, "admin", page)
	}
	ctx := c.Request().Context()
	since, err := parseSince(c.QueryParam("since"), s.opts.Now())
	if err != nil {
		return err
	}
	page.SignedIn, page.CSRF, page.Since = true, csrfToken(sess), c.QueryParam("since")
	page.Statuses = gaps.Statuses
	report, err := s.opts.Insights.Report(ctx, gaps.Options{Since: since, MinVisitors: 2, TopQueries: 20})
	if err != nil {
		return err
	}
	for _, g := range report.Gaps {
		switch g.Kind {
		case gaps.UnlinkedTicket:
			page.Unlinked = append(page.Unlinked, g)
		case gaps.NoHelp:
			page.Screens = append(page.Screens, g)
		default:
			page.Gaps = append(page.Gaps, g)
		}
	}
	page.Top = report.Queries
	if page.WidgetOpens, page.WidgetUnmatched, err = s.opts.Insights.WidgetOpens(ctx, since); err != nil {
		return err
	}
	page.Tickets = ticketRows(st, 50)
	for _, p := range st.view.Lib.Problems {
		if p.Severity == site.SeverityError {
			if page.ContentErrorCount++; len(page.ContentErrors) < 50 {
				page.ContentErrors = append(page.ContentErrors, p)
			}
		}
	}
	if page.TicketsBy, err = s.opts.Insights.TicketTotals(ctx); err != nil {
		return err
	}
	for _, n := range page.TicketsBy {
		page.TicketsTotal += n
	}
	nh, err := s.opts.Insights.NotHelpful(ctx, since, 20)
	if err != nil {
		return err
	}
	for _, f := range nh {
		af := adminFeedback{ArticleFeedback: f, ShareNo: int(f.ShareNo()*100 + 0.5), Title: f.ArticleID}
		if a, err := st.view.Article(f.ArticleID, f.Locale); err == nil {
			af.Title, af.URL, af.Source = a.Title, a.URL, a.SourcePath
		}
		page.NotHelpful = append(page.NotHelpful, af)
	}
	return s.renderDynamic(c, st, http.StatusOK, "admin", page)
}

// adminLogin takes an admin token from the sign-in form and starts a
// session.
func (s *Server) adminLogin(c echo.Context) error {
	st, err := s.current()
	if err != nil {
		return err
	}
	if s.opts.Insights == nil || s.opts.Auth == nil {
		return site.Errorf(site.ENOTFOUND, "the admin page is not available")
	}
	r := c.Request()
	r.Body = http.MaxBytesReader(c.Response(), r.Body, 4096)
	if err := s.sameSite(c); err != nil {
		return err
	}
	id, err := s.authenticate(c, strings.TrimSpace(r.PostFormValue("token")), adminScope)
	switch site.ErrorCode(err) {
	case "":
	case site.EUNAUTHORIZED, site.ERATE:
		msg := "This token is not valid."
		status := http.StatusUnauthorized
		if site.ErrorCode(err) == site.ERATE {
			msg, status = "Too many failed attempts. Try again in a minute.", http.StatusTooManyRequests
		}
		page := &adminPage{basePage: s.adminBase(st), Error: msg}
		return s.renderDynamic(c, st, status, "admin", page)
	default:
		return err
	}
	secret, err := s.opts.Auth.StartSession(r.Context(), id, sessionTTL)
	if err != nil {
		return err
	}
	s.setSession(c, secret, int(sessionTTL.Seconds()))
	return c.Redirect(http.StatusSeeOther, "/admin/")
}

// adminLogout ends the session.
func (s *Server) adminLogout(c echo.Context) error {
	sess, err := s.session(c)
	if err != nil {
		return err
	}
	if err := s.checkForm(c, sess); err != nil {
		return err
	}
	if err := s.opts.Auth.EndSession(c.Request().Context(), sess); err != nil {
		return err
	}
	s.setSession(c, "", -1)
	return c.Redirect(http.StatusSeeOther, "/admin/")
}

// adminTriage records a decision on a gap from the admin page.
func (s *Server) adminTriage(c echo.Context) error {
	sess, err := s.session(c)
	if err != nil {
		return err
	}
	if sess == "" {
		return errUnauthorized
	}
	c.Request().Body = http.MaxBytesReader(c.Response(), c.Request().Body, 8192)
	if err := s.checkForm(c, sess); err != nil {
		return err
	}
	r := c.Request()
	if err := s.opts.Insights.Decide(r.Context(), r.PostFormValue("gap"), r.PostFormValue("status"), r.PostFormValue("note")); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/admin/#gap-"+url.PathEscape(r.PostFormValue("gap")))
}

// parseSince reads the since parameter (site.ParseSince; default 30 days).
func parseSince(v string, now time.Time) (time.Time, error) {
	t, err := site.ParseSince(v, now, 30*24*time.Hour)
	if err != nil {
		return t, site.Errorf(site.EINVALID, "since: %s", site.ErrorMessage(err))
	}
	return t, nil
}
