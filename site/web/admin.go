package web

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/contact"
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
	// Contact are the latest contact requests (admin_contact.go);
	// ContactStats the contact form's figures for the period; ContactOn
	// whether the form can deliver.
	Contact      []adminContact
	ContactStats contact.Stats
	ContactOn    bool
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
	if err := s.contactRows(ctx, st, page, since); err != nil {
		return err
	}
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
