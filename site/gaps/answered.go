package gaps

import (
	"context"
	"fmt"
	"time"

	"github.com/guichet/guichet/site"
)

// Published is the content the answered check reads: what is published
// now, never drafts or scheduled articles, even when the site serves them
// (--dev).
type Published struct {
	View     *site.View
	Searcher site.Searcher
	// Since holds, per article (see VersionKey), when its current version
	// was first published.
	Since map[string]time.Time
	// Contexts indexes the published articles' contexts; nil: built from
	// View.
	Contexts *site.ContextIndex
}

// VersionKey is the key of an article in Published.Since.
func VersionKey(id, locale string) string { return locale + "|" + id }

// Answer-check bounds.
const (
	// answerTop: an article answers a query when it is among its first
	// answerTop published results.
	answerTop = 3
	// answerVariants bounds the phrasings searched per gap, the most used
	// first; the others count as not answered.
	answerVariants = 20
	// answerHits is how many results are fetched to find the first
	// answerTop published ones when the index serves drafts too.
	answerHits = 10
)

// CheckAnswered decides, with the content just published, which gaps are
// answered: a gap of searches (or tickets) is answered when one article,
// published or changed since the gap was first seen, comes in the top 3
// published results for most of the queries its visitors made (each
// visitor's phrasing counts once); a screen with no help is answered when
// a published article's contexts now fit it. A gap newly answered gets
// AnsweredAt and AnsweredBy; a gap that no longer is goes back to open.
// The team's decisions are kept. It returns how many gaps changed state.
func (s *Service) CheckAnswered(ctx context.Context, p Published) (int, error) {
	c, decisions, err := s.collect(ctx)
	if err != nil {
		return 0, err
	}
	now := s.now()
	if p.Contexts == nil {
		p.Contexts = site.NewContextIndex(p.View)
	}
	an := s.analysis()
	g := c.grouping(an, decisions)
	rep := c.reportFrom(g, decisions, Options{Now: now, KeepIgnored: true})
	byID := map[string]Decision{}
	for _, d := range decisions {
		byID[d.ID] = d
	}
	changed := 0
	for _, gap := range rep.Gaps {
		if err := ctx.Err(); err != nil {
			return changed, err
		}
		d, stored := byID[gap.ID]
		if !stored {
			if gap.Visitors < 2 {
				continue // not listed by default reports: not worth the searches
			}
			d = Decision{ID: gap.ID, Kind: gap.Kind, Locale: gap.Locale}
		}
		by, err := p.answeredBy(ctx, gap)
		if err != nil {
			return changed, fmt.Errorf("check gap %s: %w", gap.ID, err)
		}
		switch {
		case by != "" && d.AnsweredAt == nil:
			at := now
			d.AnsweredAt, d.AnsweredBy = &at, by
		case by != "" && d.AnsweredBy != by:
			d.AnsweredBy = by // still answered, by another article now
		case by == "" && d.AnsweredAt != nil:
			d.AnsweredAt, d.AnsweredBy = nil, "" // back to open
		default:
			continue
		}
		d.Keys, d.Updated = g.keysOf(gap.ID), now
		if err := s.Store.SaveDecision(ctx, d); err != nil {
			return changed, err
		}
		changed++
	}
	return changed, nil
}

// answeredBy returns the article that answers the gap now, or "".
func (p Published) answeredBy(ctx context.Context, g Gap) (string, error) {
	switch g.Kind {
	case NoHelp:
		return p.screenArticle(g), nil
	case KindSearch, UnlinkedTicket:
	default:
		return "", nil
	}
	total := 0
	for _, v := range g.Variants {
		total += v.Visitors
	}
	votes := map[string]int{}
	for i, v := range g.Variants {
		if i == answerVariants {
			break
		}
		top, err := p.top(ctx, g.Locale, v.Query)
		if err != nil {
			return "", err
		}
		for _, id := range top {
			if t, ok := p.Since[VersionKey(id, g.Locale)]; ok && t.After(g.FirstSeen) {
				votes[id] += v.Visitors
			}
		}
	}
	best := ""
	for id, n := range votes {
		if best == "" || n > votes[best] || n == votes[best] && id < best {
			best = id
		}
	}
	if best != "" && 2*votes[best] > total {
		return best, nil
	}
	return "", nil
}

// top returns the first answerTop published articles search returns for
// query in locale (results in another locale do not count).
func (p Published) top(ctx context.Context, locale, query string) ([]string, error) {
	res, err := p.Searcher.Search(ctx, site.SearchRequest{Query: query, Locale: locale, Limit: answerHits})
	if err != nil {
		return nil, err
	}
	var out []string
	for _, h := range res.Hits {
		if h.Locale != locale {
			continue
		}
		a, err := p.View.Article(h.ID, locale)
		if err != nil || !a.Visible(p.View.Now, false) {
			continue // a draft or scheduled article served by --dev
		}
		out = append(out, h.ID)
		if len(out) == answerTop {
			break
		}
	}
	return out, nil
}

// screenArticle returns a published article whose contexts fit a screen
// with no help: its context key, or a host path it was seen on.
func (p Published) screenArticle(g Gap) string {
	try := func(path, key string) string {
		for _, m := range p.Contexts.Match(g.Locale, path, key, nil, 5) {
			if m.Article.Visible(p.View.Now, false) {
				return m.Article.ID
			}
		}
		return ""
	}
	for key := range g.Contexts {
		if id := try("", key); id != "" {
			return id
		}
	}
	for path := range g.Paths {
		if id := try(path, ""); id != "" {
			return id
		}
	}
	if len(g.Contexts) == 0 && len(g.Paths) == 0 {
		return try(g.Key, "")
	}
	return ""
}
