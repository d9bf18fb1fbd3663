package gaps

import (
	"context"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"time"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/textnorm"
)

// ArticleVersion identifies the text of one published article: a new
// version is a new publication for the answered check.
type ArticleVersion struct {
	ID, Locale, Version string
}

// Unpublished is the version of an article the content holds as a draft
// or scheduled: published again, even unchanged, it is a new version, so
// a gap it answers again is answered from then, not from its first
// publication (the visitors who failed meanwhile count before the answer).
const Unpublished = "unpublished"

// Versions returns the version of every article of the view's content:
// a hash of what search reads for a published one, Unpublished for a
// draft or a scheduled one (never published, even with --dev). An article
// the content does not hold at all (a replica serving older content) has
// none, and keeps the version stored.
func Versions(v *site.View) []ArticleVersion {
	var out []ArticleVersion
	seen := map[string]int{} // VersionKey → index in out: the published one wins
	for _, a := range v.Lib.Articles {
		version := Unpublished
		if a.Visible(v.Now, false) {
			h := fnv.New64a()
			for _, s := range append([]string{a.Title, a.Description, a.Text}, append(a.Keywords, a.Tags...)...) {
				h.Write([]byte(s))
				h.Write([]byte{0})
			}
			version = fmt.Sprintf("%016x", h.Sum64())
		}
		k := VersionKey(a.ID, a.Locale)
		if i, ok := seen[k]; ok {
			if out[i].Version == Unpublished {
				out[i].Version = version
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, ArticleVersion{ID: a.ID, Locale: a.Locale, Version: version})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Locale != out[j].Locale {
			return out[i].Locale < out[j].Locale
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// published is the content the answered check reads: what is published
// now, never drafts or scheduled articles, even when the site serves them
// (--dev).
type published struct {
	view     *site.View
	searcher site.Searcher
	// since holds, per article (see VersionKey), when its current version
	// was first published.
	since    map[string]time.Time
	contexts *site.ContextIndex
	an       Analyzer
	// terms caches the terms of the articles met (see covers); light the
	// terms of each locale's light words.
	terms map[*site.Article]map[string]bool
	light map[string]map[string]bool
	// fresh holds, by locale, the published articles whose version this
	// publication brings (see freshCovers).
	fresh map[string][]*site.Article
}

// AnsweredRules changes when the rules of CheckAnswered change, so that
// a server upgraded on unchanged content checks the gaps again (the check
// runs once per content and rules: see publish).
const AnsweredRules = "answered2"

// VersionKey is the key of an article in the map PublishedSince returns.
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

// CheckAnswered records the versions of the published articles of view,
// then decides with that content (searched with searcher) which gaps are
// answered. A gap of searches (or tickets) is answered when one article,
// published or changed since the gap was first seen, comes in the top 3
// published results for most of the queries its visitors made (each
// visitor's phrasing counts once) and holds the words that carry each
// such query's meaning (a result found on a common word alone does not
// answer); a screen with no help is answered when a published article's
// contexts now fit it. Drafts and scheduled articles never answer, even
// when the site serves them (--dev). A gap newly answered gets AnsweredAt
// and AnsweredBy; a gap no longer answered goes back to open. The team's
// decisions are kept. It returns how many gaps changed state.
func (s *Service) CheckAnswered(ctx context.Context, view *site.View, searcher site.Searcher) (int, error) {
	now := s.now()
	since, err := s.Store.PublishedSince(ctx, now, Versions(view))
	if err != nil {
		return 0, fmt.Errorf("check answered gaps: %w", err)
	}
	p := published{view: view, searcher: searcher, since: since, contexts: site.NewContextIndex(view, textnorm.Compose),
		an: s.analysis(), terms: map[*site.Article]map[string]bool{}, light: map[string]map[string]bool{}, fresh: map[string][]*site.Article{}}
	if p.an == nil {
		p.an = plainAnalyzer{}
	}
	c, decisions, err := s.collect(ctx, false)
	if err != nil {
		return 0, err
	}
	an := s.analysis()
	// The grouping is CPU work that cannot stop halfway: run it aside so
	// a shutdown (ctx) never waits for it.
	type result struct {
		g   *grouped
		rep Report
	}
	done := make(chan result, 1)
	go func() {
		g := c.grouping(an, decisions)
		done <- result{g, c.reportFrom(g, Options{Now: now, KeepIgnored: true})}
	}()
	var res result
	select {
	case res = <-done:
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	g, rep := res.g, res.rep
	byID := map[string]Decision{}
	for _, d := range decisions {
		byID[d.ID] = d
	}
	var changes []Decision
	for _, gap := range rep.Gaps {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		d, stored := byID[gap.ID]
		if !stored {
			if gap.Visitors < 2 && gap.Waiting == 0 && !p.freshCovers(gap, now) {
				// Not listed by default reports: not worth the searches,
				// unless an article this publication brings holds its
				// words — a phrasing split off the gap that article
				// answers (its keywords made a typo a word), which
				// gaps --stub would otherwise write a second draft for.
				continue
			}
			d = Decision{ID: gap.ID, Kind: gap.Kind, Locale: gap.Locale}
		}
		by, err := p.answeredBy(ctx, gap)
		if err != nil {
			return 0, fmt.Errorf("check gap %s: %w", gap.ID, err)
		}
		switch {
		case by != "" && d.AnsweredAt == nil:
			at := p.answeredAt(gap, by, now)
			d.AnsweredAt, d.AnsweredBy = &at, by
		case by != "" && d.AnsweredBy != by:
			d.AnsweredBy = by // still answered, by another article now
		case by == "" && d.AnsweredAt != nil:
			d.AnsweredAt, d.AnsweredBy = nil, "" // back to open
		default:
			continue
		}
		d.Keys, d.Query, d.Updated = g.keysOf(gap.ID), gap.Query, now
		changes = append(changes, d)
	}
	if len(changes) == 0 {
		return 0, nil
	}
	// The searches above take a while: what the team decided meanwhile
	// (a status, a merge) is read again and kept; and again when a
	// decision is saved between that reading and this check's save (see
	// Store.SaveDecisions).
	latest, err := s.latestDecisions(ctx)
	if err != nil {
		return 0, err
	}
	changed := 0
	for _, d := range changes {
		for try := 1; ; try++ {
			save := d
			if cur, ok := latest[d.ID]; ok && cur.Version != d.Version {
				if cur.MergedInto != "" {
					break // merged into another gap meanwhile
				}
				cur.AnsweredAt, cur.AnsweredBy, cur.Updated = d.AnsweredAt, d.AnsweredBy, d.Updated
				save = cur
			}
			err := s.Store.SaveDecisions(ctx, save)
			if err == nil {
				changed++
				break
			}
			if site.ErrorCode(err) != site.ECONFLICT || try == correctionTries {
				return changed, fmt.Errorf("check answered gaps: %w", err)
			}
			if latest, err = s.latestDecisions(ctx); err != nil {
				return changed, err
			}
		}
	}
	return changed, nil
}

// latestDecisions reads the stored decisions by ID.
func (s *Service) latestDecisions(ctx context.Context) (map[string]Decision, error) {
	fresh, err := s.Store.Decisions(ctx)
	if err != nil {
		return nil, fmt.Errorf("check answered gaps: %w", err)
	}
	latest := make(map[string]Decision, len(fresh))
	for _, d := range fresh {
		latest[d.ID] = d
	}
	return latest, nil
}

// answeredAt is when article by answered gap g: when its current version
// was first published, if after the gap was first seen, else now. A gap
// reopened while a replica served older content, and answered again by
// the same version once it caught up, keeps the time it was answered,
// and its visitors before and after stay as they were.
func (p published) answeredAt(g Gap, by string, now time.Time) time.Time {
	if t, ok := p.since[VersionKey(by, g.Locale)]; ok && t.After(g.FirstSeen) && t.Before(now) {
		return t
	}
	return now
}

// answeredBy returns the article that answers the gap now, or "".
func (p published) answeredBy(ctx context.Context, g Gap) (string, error) {
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
		for _, a := range top {
			if t, ok := p.since[VersionKey(a.ID, g.Locale)]; ok && t.After(g.FirstSeen) && p.covers(a, g.Locale, v) {
				votes[a.ID] += v.Visitors
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
func (p published) top(ctx context.Context, locale, query string) ([]*site.Article, error) {
	res, err := p.searcher.Search(ctx, site.SearchRequest{Query: query, Locale: locale, Limit: answerHits})
	if err != nil {
		return nil, err
	}
	var out []*site.Article
	for _, h := range res.Hits {
		if h.Locale != locale {
			continue
		}
		a, err := p.view.Article(h.ID, locale)
		if err != nil || !a.Visible(p.view.Now, false) {
			continue // a draft or scheduled article served by --dev
		}
		out = append(out, a)
		if len(out) == answerTop {
			break
		}
	}
	return out, nil
}

// freshCovers reports whether an article of the gap's locale whose
// version this publication brings (first published at now) holds every
// word that carries the meaning of the gap's first phrasing (covers):
// cheap, from the articles' terms, before any search.
func (p published) freshCovers(g Gap, now time.Time) bool {
	if g.Kind == NoHelp || len(g.Variants) == 0 {
		return false
	}
	fresh, ok := p.fresh[g.Locale]
	if !ok {
		for _, a := range p.view.ByLocale[g.Locale] {
			// Stores keep milliseconds (or microseconds) of now.
			if at, ok := p.since[VersionKey(a.ID, a.Locale)]; ok && !at.Before(now.Add(-time.Millisecond)) && a.Visible(p.view.Now, false) {
				fresh = append(fresh, a)
			}
		}
		p.fresh[g.Locale] = fresh
	}
	for _, a := range fresh {
		if p.covers(a, g.Locale, g.Variants[0]) {
			return true
		}
	}
	return false
}

// covers reports whether article a holds every word that carries the
// meaning of phrasing v (its key: typos fixed, synonyms as their group,
// light words left out): a search result that matched only on a common
// word ("train" for "bike on train") does not answer a gap.
func (p published) covers(a *site.Article, locale string, v Variant) bool {
	have := p.terms[a]
	if have == nil {
		have = map[string]bool{}
		text := strings.Join(append(append([]string{a.Title, a.Description}, a.Keywords...), append(a.Tags, a.Text)...), "\n")
		for _, t := range p.an.Analyze(locale, text).Terms {
			have[t] = true
		}
		p.terms[a] = have
	}
	light := p.light[locale]
	if light == nil {
		light = lightTerms(p.an, locale)
		p.light[locale] = light
	}
	for _, t := range strings.Fields(v.Key) {
		if !strings.HasPrefix(t, "=") && !light[t] && !have[t] && !p.heldAsVerb(locale, v, t, have) {
			return false
		}
	}
	return true
}

// heldAsVerb reports whether term t of variant v, missing from an
// article's terms (have), is a verb the article writes in another form
// ("cambiare" typed, "cambio" written), as search reads the query.
func (p published) heldAsVerb(locale string, v Variant, t string, have map[string]bool) bool {
	vf, ok := p.an.(VerbFormer)
	if !ok {
		return false
	}
	for _, w := range p.an.Analyze(locale, v.Query).Words {
		if w.Term != t {
			continue
		}
		for _, f := range vf.VerbForms(locale, w.Plain, t) {
			if have[f] {
				return true
			}
		}
	}
	return false
}

// lightTerms returns the terms of the locale's light words.
func lightTerms(an Analyzer, locale string) map[string]bool {
	out := map[string]bool{}
	for w := range lightWords[i18n.Language(locale)] {
		for _, t := range an.Analyze(locale, w).Terms {
			out[t] = true
		}
	}
	return out
}

// screenArticle returns a published article whose contexts fit a screen
// with no help: its context key, or a host path it was seen on.
func (p published) screenArticle(g Gap) string {
	try := func(path, key string) string {
		for _, m := range p.contexts.Screen(g.Locale, path, key, nil, 5) {
			if m.Article.Visible(p.view.Now, false) {
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
