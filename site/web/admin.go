package web

import (
	"context"
	"html/template"
	"net/http"
	"sort"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/contact"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/insights"
	"github.com/guichet/guichet/site/tickets"
)

// Insights is what the admin page and the insights API read and change.
type Insights interface {
	// Report is the content-gap report (the one gaps.Service).
	Report(ctx context.Context, opts gaps.Options) (gaps.Report, error)
	// Decide records the team's decision on a gap ("" takes it back;
	// gaps.Service.Decide) and returns the gap decided on: for the ID of
	// a gap merged into another, that other gap.
	Decide(ctx context.Context, id, status, note string) (gaps.Gap, error)
	// Merge merges the gaps from into the gap into (gaps.Service.Merge)
	// and returns it.
	Merge(ctx context.Context, into string, from ...string) (gaps.Gap, error)
	// Split moves a phrasing out of a gap (gaps.Service.Split) and
	// returns the gap it makes.
	Split(ctx context.Context, id, query string) (gaps.Gap, error)
	// Unmerge undoes the merge of the gap with id into another
	// (gaps.Service.Unmerge) and returns the gap brought back.
	Unmerge(ctx context.Context, id string) (gaps.Gap, error)
	// LinkTopic links the topic of an unlinked-ticket gap to an article
	// by hand and returns how many stored tickets it linked.
	LinkTopic(ctx context.Context, gapID, articleID string) (int, error)
	// UnlinkTopic undoes the hand link made from an unlinked-ticket gap
	// and returns how many stored tickets were relinked.
	UnlinkTopic(ctx context.Context, gapID string) (int, error)
	// HandLinks lists the topics linked by hand, newest first.
	HandLinks(ctx context.Context) ([]tickets.HandLink, error)
	// TicketTotals counts the tickets created in [from, to) (a zero to
	// has no end) of locale ("" every locale) by link method ("" unlinked).
	TicketTotals(ctx context.Context, from, to time.Time, locale string) (map[string]int, error)
	// ArticleTicketCount counts the tickets linked to article id in
	// locale created in [from, to), to the millisecond.
	ArticleTicketCount(ctx context.Context, id, locale string, from, to time.Time) (int, error)
	// Summary is the figures of a period and of the one before.
	Summary(ctx context.Context, p insights.Period) (insights.Summary, error)
	// Articles is each article's figures over a period, most read first.
	Articles(ctx context.Context, p insights.Period) ([]insights.Article, error)
	// Feedback is the reasons and comments of "not helpful" votes,
	// grouped.
	Feedback(ctx context.Context, p insights.Period) (insights.Feedback, error)
}

const (
	sessionCookie = "guichet_admin"
	sessionTTL    = 12 * time.Hour
	adminScope    = "admin"
)

// adminPage is the team's insights dashboard.
type adminPage struct {
	basePage
	SignedIn bool
	Error    string
	CSRF     string
	// Failure, when set, is an error of an admin address shown in place
	// of the dashboard (Server.adminError).
	Failure *adminFailure
	// Period is the days the page counts; Picker offers the others.
	Period insights.Period
	Picker adminPicker
	// Query is since, until and locale, for links and exports: an encoded
	// query string (periodQuery), typed so html/template keeps its & and =
	// rather than escaping them into one meaningless value.
	Query template.URL
	// PeriodQuery is Query without the ignored gaps; ShowIgnored says
	// whether the page lists them ("ignored=1").
	PeriodQuery template.URL
	ShowIgnored bool
	Summary     insights.Summary
	Cards       []adminCard
	Charts      []chart
	// ToDo is the ranked to-do list: its first tasks, then more of them
	// (folded), of ToDoTotal.
	ToDo, ToDoMore []insights.Task
	ToDoTotal      int
	// Articles are the most read articles: the first ones, then more of
	// them (folded), of ArticlesTotal.
	Articles, ArticlesMore []insights.Article
	ArticlesTotal          int
	// NotHelpful are the articles rated "not helpful" by voters.
	NotHelpful []adminFeedback
	// Gaps are the failed searches grouped by meaning.
	Gaps []gaps.Gap
	// ShownFirst are, by gap ID, the articles its no-click searches
	// showed first (gaps.Gap.ShownFirst), with their titles and links.
	ShownFirst map[string][]adminShown
	// FoundInstead are, by gap ID, the articles its people opened next
	// (gaps.Gap.FoundInstead), likewise.
	FoundInstead map[string][]adminShown
	Top          []gaps.QueryCount
	// Listed are the IDs of the gaps the page lists: a top search links
	// to its gap only when the row is there (not ignored, enough people).
	Listed   map[string]bool
	Statuses []string
	// Unlinked are the topics of tickets no article answers; HandLinks
	// the topics the team linked to an article by hand.
	Unlinked  []gaps.Gap
	HandLinks []tickets.HandLink
	// Screens are the host screens where the widget opened with no
	// article for them.
	Screens []gaps.Gap
	// WidgetOpens counts the widget's openings in the period and locale,
	// and those with no article for the screen.
	WidgetOpens, WidgetUnmatched int
	// Tickets are the articles with tickets, the first 50 of
	// TicketArticles.
	Tickets        []adminTickets
	TicketArticles int
	// ContentErrors are the first errors of the content being served, of
	// ContentErrorCount.
	ContentErrors     []site.Problem
	ContentErrorCount int
	// TicketsTotal and TicketsBy count the tickets created in the period
	// (and locale), by link method.
	TicketsTotal int
	TicketsBy    map[string]int
	// Contact are the latest contact requests (admin_contact.go);
	// ContactStats the contact form's figures for the period; ContactOn
	// whether the form can deliver.
	Contact      []adminContact
	ContactStats contact.Stats
	ContactOn    bool
}

// adminFailure is an error page on the admin layout: its heading and
// text, and the link back to the admin page; each Lang is the language of
// the text before it when it is not the layout's (English), else "".
type adminFailure struct {
	Heading, HeadingLang string
	Text, TextLang       string
	Back, BackText       string
	BackLang             string
}

// adminPicker is the period and locale form.
type adminPicker struct {
	Since       string // 7d, 30d, 90d or custom
	From, Until string // the custom period's days
	Locale      string
	Locales     []string
}

// adminCard is one headline figure with its change from the period before.
type adminCard struct {
	Key, Label, Value, Previous string
	// Change is "+12%", "−3.1 pts" or "" when there is nothing to compare
	// or nothing changed; Compared says whether both periods have a value
	// (a rate of a period with nothing to divide by has none), so that
	// "no change" is said only of two equal values. Better says whether
	// the change is good news (false: bad or neutral).
	Change       string
	Compared     bool
	Better, Down bool
	Neutral      bool
}

// The admin page shows the first shown tasks and articles, and folds the
// next ones up to listed (the exports have all).
const (
	shownRows  = 10
	listedRows = 30
)

// fold splits a list into what the page shows and what it folds.
func fold[T any](list []T) (shown, more []T) {
	list = list[:min(len(list), listedRows)]
	return list[:min(len(list), shownRows)], list[min(len(list), shownRows):]
}

// adminTickets is one article's line of the tickets table.
type adminTickets struct {
	site.ArticleTickets
	Title, URL, Source string
	Trend              string
	Updated            time.Time
	// Before and After count tickets in the 30 days before the article's
	// last update and since then (AfterDays days, at most 30), the
	// update's day split at its time (sinceUpdate).
	Before, After, AfterDays int
	// Ago says how long ago the article was updated when it was less
	// than a day ago ("20 hours", "5 minutes"), where AfterDays, whole
	// days, would say the same of one updated now.
	Ago string
	// InPeriod counts the tickets of the dashboard's period, as its
	// other sections count theirs.
	InPeriod int
}

// ticketRows lists the articles with tickets in the last 90 days or in
// the period p, most in p first (then most in the window, as the FAQ
// ranks them), with how their count moved since their last update; of
// p's locale when it is set. The period's articles come first and are
// kept within limit, so a month long past shows its articles at the top
// rather than after (or beyond) the ones of the last 90 days. total
// counts them all, limit or not.
func ticketRows(st *state, limit int, p insights.Period) (rows []adminTickets, total int) {
	var out []adminTickets
	for _, a := range st.stats.All() {
		if p.Locale != "" && a.Locale != p.Locale {
			continue
		}
		in := st.stats.Between(a.ArticleID, a.Locale, p.From, p.To)
		if a.Last90 == 0 && in == 0 {
			continue
		}
		out = append(out, adminTickets{ArticleTickets: a, Title: a.ArticleID, Trend: a.Trend(), InPeriod: in})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].InPeriod > out[j].InPeriod })
	total = len(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	for i := range out {
		row := &out[i]
		if art, err := st.view.ArticleOrDefault(row.ArticleID, row.Locale); err == nil { // a ticket in another locale may link an untranslated article
			row.Title, row.URL, row.Source, row.Updated = art.Title, art.URL, art.SourcePath, art.Updated
			if !art.Updated.IsZero() {
				row.Before, row.After, row.AfterDays = st.stats.Around(row.ArticleID, row.Locale, art.Updated, 30)
			}
		}
	}
	return out, total
}

// sinceUpdate moves, of each row's tickets on the day of its article's
// update, those created before the update from After to Before: the
// daily counts Around reads put the whole day after it, so a ticket of
// the morning read as one since an update of the afternoon. Only a day
// with tickets is asked about, to the millisecond.
func sinceUpdate(ctx context.Context, in Insights, st *state, rows []adminTickets) error {
	for i := range rows {
		r := &rows[i]
		if r.Updated.IsZero() {
			continue
		}
		day := r.Updated.UTC().Truncate(24 * time.Hour)
		if st.stats.Between(r.ArticleID, r.Locale, day, day.Add(24*time.Hour)) == 0 {
			continue
		}
		n, err := in.ArticleTicketCount(ctx, r.ArticleID, r.Locale, day, r.Updated)
		if err != nil {
			return err
		}
		n = min(n, r.After) // a ticket written since the counts were loaded
		r.Before, r.After = r.Before+n, r.After-n
	}
	return nil
}

// underADay is d in the admin page's words when it is under a day: in
// hours, or in minutes under an hour; "" from a day on.
func underADay(d time.Duration) string {
	switch {
	case d < 0 || d >= 24*time.Hour:
		return ""
	case d >= time.Hour:
		return site.CountOf(int(d/time.Hour), "hour", "hours")
	}
	return site.CountOf(max(int(d/time.Minute), 1), "minute", "minutes")
}

// adminShown is an article a gap's searches showed first and nobody
// opened: its title and address when it is published (its ID otherwise).
type adminShown struct {
	ID, Title, URL string
	Visitors       int
}

// shownFirst lists, by gap ID, the articles the gaps' searches showed
// first, with their titles and addresses in the gap's locale (or the
// default locale's).
func shownFirst(list []gaps.Gap, view *site.View) map[string][]adminShown {
	return articlesOf(list, view, func(g gaps.Gap) []gaps.Found { return g.ShownFirst })
}

// foundInstead lists, by gap ID, the articles the gaps' people opened
// next (gaps.Gap.FoundInstead), titled and linked as shownFirst's are.
func foundInstead(list []gaps.Gap, view *site.View) map[string][]adminShown {
	return articlesOf(list, view, func(g gaps.Gap) []gaps.Found { return g.FoundInstead })
}

// articlesOf lists, by gap ID, the articles of, with their titles and
// addresses in the gap's locale (or the default locale's); an article
// not published keeps its ID as its title and no address.
func articlesOf(list []gaps.Gap, view *site.View, of func(gaps.Gap) []gaps.Found) map[string][]adminShown {
	out := map[string][]adminShown{}
	for _, g := range list {
		for _, f := range of(g) {
			row := adminShown{ID: f.Article, Title: f.Article, Visitors: f.Visitors}
			if art, err := view.ArticleOrDefault(f.Article, g.Locale); err == nil {
				row.Title, row.URL = art.Title, art.URL
			}
			out[g.ID] = append(out[g.ID], row)
		}
	}
	return out
}

// adminFeedback is an article rated "not helpful", with what voters said.
type adminFeedback struct {
	insights.Article
	ShareNo  string // share of "No" votes
	Reasons  []insights.Reason
	Comments []insights.Comment
}

// contentErrors returns the first max errors of the content served, of
// how many: a theme file in error first (the site shows the last good
// theme), then those of the article files that do not load (offline, or
// served at their last good version: what the team must fix first, not
// to be hidden behind hundreds of broken links), then the others in file
// order.
func contentErrors(st *state, max int) ([]site.Problem, int) {
	var first, rest []site.Problem
	if pr := st.themeProblem; pr != nil {
		first = append(first, *pr)
	}
	broken := map[string]bool{}
	for _, b := range st.view.Lib.Broken {
		broken[b.SourcePath] = true
	}
	for _, pr := range st.view.Lib.Problems {
		switch {
		case pr.Severity != site.SeverityError:
		case broken[pr.File]:
			first = append(first, pr)
		default:
			rest = append(rest, pr)
		}
	}
	n := len(first) + len(rest)
	all := append(first, rest...)
	return all[:min(max, len(all))], n
}

func (s *Server) adminBase(st *state) basePage {
	b := newBase(st.view, st.view.Lib.Config.DefaultLocale, "Insights", "", "")
	b.NoIndex = true
	b.Title = "Insights – " + b.SiteTitle
	return b
}

// admin serves GET /admin/: the sign-in form, or the dashboard of the
// period and locale asked (?since=30d&until=&locale=).
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
	p, err := s.adminPeriod(c, st)
	if err != nil {
		return err
	}
	page.SignedIn, page.CSRF, page.Period = true, csrfToken(sess), p
	page.Picker = pickerOf(p, st)
	page.ShowIgnored = showIgnored(c)
	page.Query = template.URL(periodQuery(p, page.ShowIgnored))
	page.PeriodQuery = template.URL(periodQuery(p, false))
	page.Statuses = gaps.Statuses
	d, err := s.dashboard(c.Request().Context(), st, p, page.ShowIgnored)
	if err != nil {
		return err
	}
	page.Summary, page.ToDoTotal = d.summary, len(d.todo)
	page.ToDo, page.ToDoMore = fold(d.todo)
	page.Cards = cards(d.summary)
	page.Charts = charts(d.summary, d.articles, p)
	page.ArticlesTotal = len(d.articles)
	page.Articles, page.ArticlesMore = fold(d.articles)
	page.NotHelpful = notHelpful(d.articles, d.feedback)
	page.Listed = map[string]bool{}
	for _, g := range d.report.Gaps {
		page.Listed[g.ID] = true
		switch g.Kind {
		case gaps.UnlinkedTicket:
			page.Unlinked = append(page.Unlinked, g)
		case gaps.NoHelp:
			page.Screens = append(page.Screens, g)
		default:
			page.Gaps = append(page.Gaps, g)
		}
	}
	page.ShownFirst = shownFirst(page.Gaps, st.view)
	page.FoundInstead = foundInstead(page.Gaps, st.view)
	page.Top = d.report.Queries
	ctx := c.Request().Context()
	// The period's and locale's openings, as the figure and the gap
	// report count them (not every opening since the first day).
	page.WidgetOpens, page.WidgetUnmatched = d.summary.WidgetOpens, d.report.Openings
	page.Tickets, page.TicketArticles = ticketRows(st, 50, p)
	if err := sinceUpdate(ctx, s.opts.Insights, st, page.Tickets); err != nil {
		return err
	}
	for i := range page.Tickets {
		if u := page.Tickets[i].Updated; !u.IsZero() {
			page.Tickets[i].Ago = underADay(s.opts.Now().Sub(u))
		}
	}
	if page.HandLinks, err = s.opts.Insights.HandLinks(ctx); err != nil {
		return err
	}
	if err := s.contactRows(ctx, st, page, p); err != nil {
		return err
	}
	page.ContentErrors, page.ContentErrorCount = contentErrors(st, 50)
	// The tickets of the period and locale, as the Tickets figure counts them.
	if page.TicketsBy, err = s.opts.Insights.TicketTotals(ctx, p.From, p.To, p.Locale); err != nil {
		return err
	}
	for _, n := range page.TicketsBy {
		page.TicketsTotal += n
	}
	return s.renderDynamic(c, st, http.StatusOK, "admin", page)
}
