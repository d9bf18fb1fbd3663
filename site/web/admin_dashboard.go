package web

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/sync/errgroup"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
	"github.com/guichet/guichet/site/insights"
)

// dashboard is everything the dashboard and its exports show for a period.
type dashboard struct {
	summary  insights.Summary
	articles []insights.Article
	feedback insights.Feedback
	report   gaps.Report
	todo     []insights.Task
}

// dashboard reads the figures of p: the summary, the articles, the
// voters' feedback and the gap report (the gaps the team ignored too when
// ignored), at once, and ranks the to-do list.
func (s *Server) dashboard(ctx context.Context, st *state, p insights.Period, ignored bool) (dashboard, error) {
	var d dashboard
	in := s.opts.Insights
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	g.Go(func() (err error) { d.summary, err = in.Summary(ctx, p); return })
	g.Go(func() (err error) { d.articles, err = in.Articles(ctx, p); return })
	g.Go(func() (err error) { d.feedback, err = in.Feedback(ctx, p); return })
	g.Go(func() (err error) {
		d.report, err = in.Report(ctx, gaps.Options{Since: p.From, Until: p.To, Locale: p.Locale, MinVisitors: 2, TopQueries: 20, KeepIgnored: ignored})
		return
	})
	if err := g.Wait(); err != nil {
		return d, err
	}
	d.todo = insights.ToDo(d.report, withFoundInstead(d.articles, d.report, st.view), st.view.Lib.Config.EditURL)
	return d, nil
}

// withFoundInstead is articles with, for the to-do list, the published
// articles a gap's visitors opened next that have no figures in the
// period (clicked under "no results", never read 10 seconds nor rated),
// so that "add these words to that article" names its file to edit.
func withFoundInstead(articles []insights.Article, report gaps.Report, view *site.View) []insights.Article {
	out := slices.Clip(articles)
	for _, g := range report.Gaps {
		if len(g.FoundInstead) == 0 || slices.ContainsFunc(out, func(a insights.Article) bool {
			return a.ID == g.FoundInstead[0].Article && a.Locale == g.Locale
		}) {
			continue
		}
		if art, err := view.ArticleOrDefault(g.FoundInstead[0].Article, g.Locale); err == nil {
			out = append(out, insights.Article{ID: art.ID, Locale: g.Locale, Title: art.Title, URL: art.URL, Source: art.SourcePath})
		}
	}
	return out
}

// adminPeriod reads the period and locale of the dashboard as the
// insights API reads them (since, until, locale), and the picker's custom
// period: since=custom with from and to (until too, as earlier links
// wrote it). The picker's date fields are named from and to so that a
// preset chosen while they still hold a custom period's days ignores them,
// while an until written in a link counts, as it does in the API.
func (s *Server) adminPeriod(c echo.Context, st *state) (insights.Period, error) {
	q := c.QueryParams()
	since, until := q.Get("since"), q.Get("until")
	// The custom period's errors name the fields the team typed in.
	sinceName, untilName := "since", "until"
	if since == "custom" {
		if since = q.Get("from"); since == "" {
			return insights.Period{}, site.Errorf(site.EINVALID, "from: a custom period needs its first day")
		}
		sinceName = "from"
		if to := q.Get("to"); to != "" {
			until, untilName = to, "to"
		}
	}
	return insights.ParsePeriodAs(since, until, q.Get("locale"), st.view.Lib.Locales(), s.opts.Now(), sinceName, untilName)
}

// period parses a period of the insights (insights.ParsePeriod) whose
// locale, when set, is read as one of the site's.
func (s *Server) period(st *state, since, until, locale string) (insights.Period, error) {
	return insights.ParsePeriod(since, until, locale, st.view.Lib.Locales(), s.opts.Now())
}

// pickerOf fills the period form for p.
func pickerOf(p insights.Period, st *state) adminPicker {
	pk := adminPicker{Since: p.Since, Locale: p.Locale, From: p.First(), Until: p.Last()}
	if p.Until != "" || p.Since != "7d" && p.Since != "30d" && p.Since != "90d" {
		pk.Since = "custom"
	}
	pk.Locales = slices.Clone(st.view.Lib.Config.Locales)
	if len(pk.Locales) == 0 {
		pk.Locales = []string{st.view.Lib.Config.DefaultLocale}
	}
	return pk
}

// showIgnored reports whether the admin page, or its export, was asked to
// list the gaps the team ignored too ("ignored=1", or true or on as the
// API's flags: boolParam), so that one ignored by mistake can be decided
// on again. Another value hides them, as the page's own links do.
func showIgnored(c echo.Context) bool {
	on, err := boolParam(c.QueryParams(), "ignored")
	return on && err == nil
}

// periodQuery is the query string that asks for p again (with the
// ignored gaps when ignored).
func periodQuery(p insights.Period, ignored bool) string {
	v := url.Values{"since": {p.Since}}
	if ignored {
		v.Set("ignored", "1")
	}
	if p.Until != "" {
		v.Set("until", p.Until)
	}
	if p.Locale != "" {
		v.Set("locale", p.Locale)
	}
	return v.Encode()
}

// headline lists the figures of the cards, and whether a rise is good
// news (false: bad news; neutral figures are listed in neutral).
var headline = []struct {
	key          string
	riseIsBetter bool
}{
	{"searches", true}, {"no_result_rate", false}, {"click_through_rate", true}, {"views", true},
	{"helpful_share", true}, {"contacts", false}, {"deflection", true}, {"tickets", false}, {"widget_opens", true},
}

// neutral figures: more is neither good nor bad news.
var neutral = map[string]bool{"searches": true, "views": true, "widget_opens": true}

// cards builds the headline figures with their change.
func cards(sum insights.Summary) []adminCard {
	var out []adminCard
	for _, h := range headline {
		var fig insights.Figure
		for _, f := range insights.FigureList {
			if f.Key == h.key {
				fig = f
			}
		}
		now, before := fig.Value(sum.Figures), fig.Value(sum.Previous)
		c := adminCard{Key: fig.Key, Label: fig.Label, Value: fig.Format(now), Previous: fig.Format(before), Neutral: neutral[h.key]}
		if c.Value == "" {
			c.Value = "–"
		}
		if c.Previous == "" {
			c.Previous = "–"
		}
		if !sum.Previous.Recorded() {
			// Nothing recorded before (Guichet was not running, or nobody
			// came): no "▲ +66, before: 0".
			before, c.Previous = nil, "–"
		}
		c.Compared = now != nil && before != nil
		if c.Compared && *now != *before {
			diff := *now - *before
			c.Down = diff < 0
			c.Better = (diff > 0) == h.riseIsBetter
			sign := "+"
			if c.Down {
				sign = "−"
				diff = -diff
			}
			switch {
			case fig.Rate:
				c.Change = sign + strconv.FormatFloat(diff*100, 'f', 1, 64) + " pts"
			case *before > 0:
				c.Change = sign + strconv.FormatFloat(diff / *before * 100, 'f', 0, 64) + "%"
			default:
				c.Change = sign + strconv.FormatFloat(diff, 'f', 0, 64)
			}
		}
		out = append(out, c)
	}
	return out
}

// charts draws the dashboard's charts: searches with the no-result
// share, views, the helpful share, tickets against the days articles were
// edited, and deflection.
func charts(sum insights.Summary, articles []insights.Article, p insights.Period) []chart {
	edits := map[string][]string{}
	for _, a := range articles {
		if d := a.Updated.UTC().Format(time.DateOnly); !a.Updated.IsZero() && d >= p.First() && d <= p.Last() {
			edits[d] = append(edits[d], a.Title)
		}
	}
	return []chart{
		newChart("searches", "Searches per day, and the share that found nothing", sum.Days, sum.Figures,
			"Searches", "search", func(f insights.Figures) int { return f.Searches },
			"No-result rate", func(f insights.Figures) *float64 { return f.NoResultRate }, nil),
		newChart("views", "Article views per day", sum.Days, sum.Figures,
			"Views", "view", func(f insights.Figures) int { return f.Views }, "", nil, nil),
		newChart("helpful", "Votes per day, and the helpful share", sum.Days, sum.Figures,
			"Votes", "vote", func(f insights.Figures) int { return f.HelpfulVotes + f.NotHelpfulVotes },
			"Helpful share", func(f insights.Figures) *float64 { return f.HelpfulShare }, nil),
		newChart("tickets", "Tickets per day, against the days articles were edited", sum.Days, sum.Figures,
			"Tickets", "ticket", func(f insights.Figures) int { return f.Tickets }, "", nil, edits),
		newChart("deflection", "Self-service visits per day, and the share that did not contact support", sum.Days, sum.Figures,
			"Self-service visits", "self-service visit", func(f insights.Figures) int { return f.SelfServiceVisits },
			"Deflection", func(f insights.Figures) *float64 { return f.Deflection }, nil),
	}
}

// notHelpful lists the articles with "not helpful" votes, highest share
// of "No" first, with the reasons and grouped comments voters gave.
func notHelpful(articles []insights.Article, fb insights.Feedback) []adminFeedback {
	var out []adminFeedback
	for _, a := range articles {
		if a.NotHelpful == 0 {
			continue
		}
		no := float64(a.NotHelpful) / float64(a.Helpful+a.NotHelpful)
		f := adminFeedback{Article: a, ShareNo: pct(&no)}
		for _, r := range fb.Reasons {
			if r.ArticleID == a.ID && r.Locale == a.Locale {
				f.Reasons = append(f.Reasons, r)
			}
		}
		for _, c := range fb.Comments {
			if c.ArticleID == a.ID && c.Locale == a.Locale && len(f.Comments) < 10 {
				f.Comments = append(f.Comments, c)
			}
		}
		out = append(out, f)
	}
	slices.SortStableFunc(out, func(a, b adminFeedback) int {
		sa := float64(a.NotHelpful) / float64(a.Helpful+a.NotHelpful)
		sb := float64(b.NotHelpful) / float64(b.Helpful+b.NotHelpful)
		switch {
		case sa != sb && sa > sb:
			return -1
		case sa != sb:
			return 1
		}
		return b.NotHelpful - a.NotHelpful
	})
	return out[:min(len(out), shownRows)]
}

// taskLabels name the kinds and actions of the to-do list on the page.
var taskLabels = map[string]string{
	insights.TaskGap: "Failed searches", insights.TaskUnlinked: "Tickets no article answers", insights.TaskScreen: "Screen with no help",
	insights.TaskUnhelpful: "Rated not helpful", insights.TaskContactOut: "Read, then contacted support",
	insights.ActionWrite: "Write an article", insights.ActionFixProduct: "Fix the product", insights.ActionLink: "Link to an article", insights.ActionRead: "Read the tickets",
	insights.ActionEdit: "Edit", insights.ActionKeywords: "Add these words to the article",
}
