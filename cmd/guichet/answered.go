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
// period that the newly published content now finds articles for: a search
// of one of its variants returns results. Runs after each publication, off
// the request path. It returns the number of gaps marked.
func (m *Main) checkAnswered(ctx context.Context, idx *search.Index) (int, error) {
	now := m.Now().UTC()
	rows, err := m.DB.GapSearches(ctx, now.Add(-time.Duration(m.Config.RetentionDays)*24*time.Hour), "")
	if err != nil {
		return 0, err
	}
	decisions, err := m.DB.Triage(ctx)
	if err != nil {
		return 0, err
	}
	marked := 0
	for _, g := range gaps.Group(rows, gaps.Options{MinVisitors: 1, Now: now, Terms: idx.Terms, Decisions: decisions, KeepIgnored: true}) {
		if g.Kind != gaps.NoResults || g.AnsweredAt != nil || g.Status == gaps.StatusIgnored {
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
