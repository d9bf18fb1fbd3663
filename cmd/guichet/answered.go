package main

import (
	"context"
	"time"

	"github.com/guichet/guichet/search"
	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/gaps"
)

// maxAnswerChecks bounds the variants searched per gap.
const maxAnswerChecks = 5

// checkAnswered marks as answered every no-result gap of the retention
// period that the newly published content now finds articles for (a search
// of one of its variants returns results), and every screen with no help
// that an article's contexts now fit. Runs after each publication, off the
// request path. It returns the number of gaps marked.
func (m *Main) checkAnswered(ctx context.Context, view *site.View, idx *search.Index) (int, error) {
	now := m.Now().UTC()
	rows, _, _, err := gapRecords(ctx, m.DB, now.Add(-time.Duration(m.Config.RetentionDays)*24*time.Hour), "")
	if err != nil {
		return 0, err
	}
	contexts := site.NewContextIndex(view)
	decisions, err := m.DB.Triage(ctx)
	if err != nil {
		return 0, err
	}
	marked := 0
	for _, g := range gaps.Group(rows, gaps.Options{MinVisitors: 1, Now: now, Terms: idx.Terms, Decisions: decisions, KeepIgnored: true}) {
		if g.AnsweredAt != nil || g.Status == gaps.StatusIgnored {
			continue
		}
		if g.Kind == gaps.NoHelp {
			if screenHelped(contexts, g) {
				if err := m.DB.MarkAnswered(ctx, g, now); err != nil {
					return marked, err
				}
				marked++
			}
			continue
		}
		if g.Kind != gaps.NoResults {
			continue
		}
		for i, v := range g.Variants {
			if i == maxAnswerChecks {
				break
			}
			res, err := idx.Search(ctx, site.SearchRequest{Query: v.Query, Locale: g.Locale, Limit: 1})
			if err != nil {
				return marked, err
			}
			if res.Total > 0 && res.Locale == g.Locale {
				if err := m.DB.MarkAnswered(ctx, g, now); err != nil {
					return marked, err
				}
				marked++
				break
			}
		}
	}
	return marked, nil
}

// screenHelped reports whether an article's contexts now fit a screen with
// no help: its context key, or one of the host paths it was seen on.
func screenHelped(contexts *site.ContextIndex, g gaps.Gap) bool {
	for key := range g.Contexts {
		if len(contexts.Match(g.Locale, "", key, nil, 1)) > 0 {
			return true
		}
	}
	for p := range g.Paths {
		if len(contexts.Match(g.Locale, p, "", nil, 1)) > 0 {
			return true
		}
	}
	return false
}
