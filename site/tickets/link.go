// Package tickets takes support tickets in from a helpdesk (API batches and
// CSV exports), cleans them, links each one to the article that answers it
// and stores them; the FAQ ranking is computed from what it stores.
package tickets

import (
	"context"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/guichet/guichet/site"
)

// Matcher finds the article of a locale that best answers a text, with a
// confidence from 0 to 1 (search.Index implements it).
type Matcher interface {
	Link(ctx context.Context, locale, subject, body string) (string, float64, error)
}

// Linker links tickets to the articles of one content view, in order: the
// article the ticket names (ID or URL), an article listing one of the
// ticket's tags in its ticket_tags, then the search match when its
// confidence reaches MinConfidence. It is safe for concurrent use.
type Linker struct {
	view    *site.View
	match   Matcher
	minConf float64
	key     string
	// tags maps locale → lower-cased ticket tag → the IDs of the articles
	// listing it, in file order.
	tags map[string]map[string][]string

	mu    sync.Mutex
	cache map[string]searchLink // locale|subject|body → search result
}

// digits are runs of digits, masked in cache keys.
var digits = regexp.MustCompile(`[0-9]+`)

type searchLink struct {
	id    string
	score float64
}

// maxLinkCache bounds the remembered search results; the cache is emptied
// when full.
const maxLinkCache = 200000

// NewLinker makes a linker for the view; match may be nil (no search
// links). minConf ≤ 0 means site.DefaultTicketConfidence. key names the
// content and settings the links depend on, stored with each link so that
// a change of either relinks the tickets.
func NewLinker(v *site.View, match Matcher, minConf float64, key string) *Linker {
	if minConf <= 0 {
		minConf = site.DefaultTicketConfidence
	}
	l := &Linker{view: v, match: match, minConf: minConf, key: key, tags: map[string]map[string][]string{}, cache: map[string]searchLink{}}
	for _, a := range v.Lib.Articles { // file order
		if a.Draft {
			continue
		}
		if vis, err := v.Article(a.ID, a.Locale); err != nil || vis != a {
			continue
		}
		m := l.tags[a.Locale]
		if m == nil {
			m = map[string][]string{}
			l.tags[a.Locale] = m
		}
		for _, t := range a.TicketTags {
			if t = strings.ToLower(strings.TrimSpace(t)); t != "" && !slices.Contains(m[t], a.ID) {
				m[t] = append(m[t], a.ID)
			}
		}
	}
	return l
}

// Key names the content and settings the links depend on.
func (l *Linker) Key() string { return l.key }

// Link returns the ticket's link; an unlinked ticket has an empty link.
// The ticket must be clean (see Clean).
func (l *Linker) Link(ctx context.Context, t *site.Ticket) (site.TicketLink, error) {
	if id := l.resolve(t.Article, t.Locale); id != "" {
		return site.TicketLink{ArticleID: id, Method: site.LinkExplicit, Score: 1}, nil
	}
	for _, loc := range []string{t.Locale, l.view.Lib.Config.DefaultLocale} {
		var ids []string
		for _, tag := range t.Tags {
			for _, id := range l.tags[loc][strings.ToLower(tag)] {
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
		}
		switch {
		case len(ids) == 1:
			return site.TicketLink{ArticleID: ids[0], Method: site.LinkTag, Score: 1}, nil
		case len(ids) > 1:
			// Several articles list the tag: the one search prefers for
			// this ticket, else the first.
			pick := ids[0]
			if l.match != nil {
				r, err := l.search(ctx, loc, t)
				if err != nil {
					return site.TicketLink{}, err
				}
				if slices.Contains(ids, r.id) {
					pick = r.id
				}
			}
			return site.TicketLink{ArticleID: pick, Method: site.LinkTag, Score: 1}, nil
		}
	}
	if l.match == nil {
		return site.TicketLink{}, nil
	}
	// The ticket's locale first; a translation may be missing, so the
	// default locale's articles when that finds nothing good enough.
	for _, loc := range []string{t.Locale, l.view.Lib.Config.DefaultLocale} {
		r, err := l.search(ctx, loc, t)
		if err != nil {
			return site.TicketLink{}, err
		}
		if r.id != "" && r.score >= l.minConf {
			return site.TicketLink{ArticleID: r.id, Method: site.LinkSearch, Score: r.score}, nil
		}
		if loc == l.view.Lib.Config.DefaultLocale {
			break
		}
	}
	return site.TicketLink{}, nil
}

// search runs (or recalls) the search match of a ticket in locale.
func (l *Linker) search(ctx context.Context, locale string, t *site.Ticket) (searchLink, error) {
	// Numbers say nothing to the matcher: tickets that differ only by
	// an order number share a result.
	key := locale + "\x00" + digits.ReplaceAllString(t.Subject, "0") + "\x00" + digits.ReplaceAllString(t.Body, "0")
	l.mu.Lock()
	r, ok := l.cache[key]
	l.mu.Unlock()
	if ok {
		return r, nil
	}
	id, score, err := l.match.Link(ctx, locale, t.Subject, t.Body)
	if err != nil {
		return searchLink{}, err
	}
	r = searchLink{id, score}
	l.mu.Lock()
	if len(l.cache) >= maxLinkCache {
		clear(l.cache)
	}
	l.cache[key] = r
	l.mu.Unlock()
	return r, nil
}

// resolve returns the ID of the visible article that ref names: an article
// ID ("billing/refunds"), a site path ("/fr/billing/refunds") or a full URL
// of the help center (query and fragment ignored). An ID is looked up in
// the ticket's locale, then in any.
func (l *Linker) resolve(ref, locale string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	v := l.view
	if strings.Contains(ref, "://") || strings.HasPrefix(ref, "/") {
		u, err := url.Parse(ref)
		if err != nil {
			return ""
		}
		p := u.Path
		if base, err := url.Parse(v.Lib.Config.BaseURL); err == nil && u.Host != "" {
			p = strings.TrimPrefix(p, strings.TrimRight(base.Path, "/"))
		}
		p = strings.TrimRight(p, "/")
		if a, err := v.ArticleByURL(p); err == nil && !a.Draft {
			return a.ID
		}
		return ""
	}
	ref = strings.Trim(ref, "/")
	if a, err := v.Article(ref, locale); err == nil && !a.Draft {
		return a.ID
	}
	for _, a := range v.Translations(ref) {
		if !a.Draft {
			return a.ID
		}
	}
	return ""
}
