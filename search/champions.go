package search

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Champion lists keep autocomplete fast on big help centers. A word or
// prefix found in thousands of articles ("a", "acc", "account") would have
// every one of them scored at each keystroke, in time proportional to the
// help center (40 ms at 100,000 articles). Instead, the first time such a
// clause is typed after a publication, its championSize best-scored
// articles are kept (its champion list, as in Manning, Raghavan and
// Schütze, Introduction to Information Retrieval, §7.1.3); the suggestions
// for a query whose required clauses all have one are then ranked among
// the union of their champion lists only (with the lists of the optional
// common words, when broad: an article strong on them may be the best),
// by the same scoring. For a query of one such clause the result is the
// same as scoring every article; for several, an article could be missed
// that is in no list yet scores best on all of them together (at 100,000
// generated articles, 2 % of 500 sample suggestions differ, the first
// suggestion 0.6 %: BenchmarkSuggestAgreement, BENCHMARKS.md). When the
// champions give fewer suggestions than asked, every article is scored as
// before.
const (
	// broadClause: a suggest clause found in at least this many articles
	// uses its champion list (below it, bleve leaps over the others
	// cheaply enough). 4,096 changed 1.6 % of the sample suggestions at
	// 10,000 articles for no measurable gain at 100,000; 8,192 none.
	broadClause = 8192
	// championSize is the length of a champion list; queries asking for
	// more than half of it (deep offsets) score every article.
	championSize = 200
	// maxChampionLists bounds the champion lists kept per locale index
	// (20 bytes an article: at most 16 MB).
	maxChampionLists = 4096
)

// championList is the championSize best articles of one clause, best
// first in bleve's order, and how many articles the clause matches.
type championList struct {
	once  sync.Once
	hits  []champion
	total int
	err   error
}

// champion is one article of a champion list: its position in
// localeIndex.docs, its bleve document number (stable: a served index is
// never merged) and its score for the clause.
type champion struct {
	doc   int32
	id    uint64 // index.IndexInternalID's value
	score float64
}

// champions holds a locale index's champion lists by clause key.
type champions struct {
	mu    sync.Mutex
	lists map[string]*championList
}

// championKey identifies the clause of one query word, typed in full or
// being typed: everything prefixClause and wordClause build it from, so
// two words with the same key make the same clause.
func championKey(qa *queryAnalysis, w word, typing bool) string {
	short := w.short && !qa.shortTypos
	return fmt.Sprintf("%t\x00%s\x00%s\x00%d\x00%t\x00%t\x00%s\x00%s\x00%s", typing, w.plain, w.stem, w.fuzz,
		w.unknown, short, strings.Join(w.typos, "\x01"), strings.Join(w.forms, "\x01"), strings.Join(w.prefixTypos, "\x01"))
}

// clauseDocs estimates how many articles a word's clause matches: the
// most in any one of its fields (a lower bound of the clause's count).
func (li *localeIndex) clauseDocs(ctx context.Context, qa *queryAnalysis, w word, typing bool) (int, error) {
	n := 0
	terms := append([]string{w.stem}, w.forms...)
	if !w.short || qa.shortTypos {
		terms = append(terms, w.typos...) // as wordClause
	}
	for _, t := range terms {
		for _, f := range searchFields(false) {
			n = max(n, li.counts.fields[f.field][t])
		}
	}
	if !typing || n >= li.broad {
		return n, nil
	}
	p := w.plain
	if utf8.RuneCountInString(p) > maxNgram {
		p = string([]rune(p)[:maxNgram])
	}
	adv, err := li.idx.Advanced()
	if err != nil {
		return 0, err
	}
	r, err := adv.Reader()
	if err != nil {
		return 0, err
	}
	defer r.Close()
	for _, t := range append([]string{p}, w.prefixTypos...) {
		k, err := prefixDocs(ctx, r, t)
		if err != nil {
			return 0, err
		}
		n = max(n, k)
	}
	return n, nil
}

// prefixDocs returns how many articles have a title, heading, keyword or
// tag word starting with p (folded, at most maxNgram letters): the most in
// either autocomplete field.
func prefixDocs(ctx context.Context, r index.IndexReader, p string) (int, error) {
	n := 0
	for _, f := range []string{fieldTitleAC, fieldMoreAC} {
		tfr, err := r.TermFieldReader(ctx, []byte(p), f, false, false, false)
		if err != nil {
			return 0, err
		}
		n = max(n, int(tfr.Count()))
		if err := tfr.Close(); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// championList returns the champion list of a clause, computing it the
// first time; nil when the clause is not broad or the lists are full. A
// list that failed is dropped; when it failed because the request that
// computed it was canceled (autocomplete cancels the request of each
// keystroke it no longer needs), a request still wanted computes it again.
func (li *localeIndex) championList(ctx context.Context, key string, q query.Query) (*championList, error) {
	li.champions.mu.Lock()
	if li.champions.lists == nil {
		li.champions.lists = map[string]*championList{}
	}
	l := li.champions.lists[key]
	if l == nil {
		if len(li.champions.lists) >= maxChampionLists {
			li.champions.mu.Unlock()
			return nil, nil
		}
		l = &championList{}
		li.champions.lists[key] = l
	}
	li.champions.mu.Unlock()
	l.once.Do(func() {
		sr, err := li.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, championSize, 0, false))
		if err != nil {
			l.err = err
			return
		}
		l.total = int(sr.Total)
		l.hits = make([]champion, 0, len(sr.Hits))
		for _, h := range sr.Hits {
			d, err := li.doc(h.ID)
			if err != nil {
				l.err = err
				return
			}
			l.hits = append(l.hits, champion{int32(d), h.IndexInternalID.Value(), h.Score})
		}
	})
	if l.err != nil {
		// A canceled request leaves the list to the next one.
		li.champions.mu.Lock()
		if li.champions.lists[key] == l { // not already replaced
			delete(li.champions.lists, key)
		}
		li.champions.mu.Unlock()
		canceled := errors.Is(l.err, context.Canceled) || errors.Is(l.err, context.DeadlineExceeded)
		if canceled && ctx.Err() == nil {
			return li.championList(ctx, key, q) // another request's
		}
		return nil, l.err
	}
	if l.total < li.broad {
		return nil, nil
	}
	return l, nil
}

// searchChampions runs the first suggest pass q among the champion lists
// of its clauses, when every required clause is broad (optional clauses,
// words most articles have, add their lists when broad too: an article
// strong on them may be the best); nil when it does not apply or finds
// fewer than want articles (the caller then scores every article).
func (li *localeIndex) searchChampions(ctx context.Context, qa *queryAnalysis, cl []clause, q query.Query, want int) (*bleve.SearchResult, error) {
	if want > championSize/2 {
		return nil, nil
	}
	required := 0
	for _, c := range cl {
		if c.meaning {
			required++
		}
	}
	if required == 0 {
		required = len(cl) // only common words: all are required (passQuery)
	}
	// The required clauses first: one that is not broad ends the search
	// before any optional clause's list is computed for nothing.
	order := make([]clause, 0, len(cl))
	for _, meaning := range []bool{true, false} {
		for _, c := range cl {
			if c.meaning == meaning {
				order = append(order, c)
			}
		}
	}
	var lists []*championList
	var total int // the count of the one required clause, if one
	for _, c := range order {
		must := c.meaning || required == len(cl)
		if c.key == "" {
			if must {
				return nil, nil
			}
			continue
		}
		n, err := li.clauseDocs(ctx, qa, c.word, c.typing)
		if err != nil {
			return nil, err
		}
		if n < li.broad {
			if must {
				return nil, nil // bleve leaps to the few articles it has
			}
			continue
		}
		l, err := li.championList(ctx, c.key, c.q)
		if err != nil {
			return nil, err
		}
		if l == nil && must {
			return nil, nil
		}
		if l != nil {
			lists = append(lists, l)
			if must {
				total = l.total
			}
		}
	}
	if len(cl) == 1 {
		// The query is the clause (suggest has no phrase clause): its
		// best are the first of its champion list, in the same order.
		l := lists[0]
		sr := &bleve.SearchResult{Total: uint64(l.total)}
		for _, c := range l.hits[:min(want, len(l.hits))] {
			sr.Hits = append(sr.Hits, &bsearch.DocumentMatch{ID: docID(li.docs[c.doc]), IndexInternalID: index.NewIndexInternalID(nil, c.id), Score: c.score})
		}
		return sr, nil
	}
	seen := make(map[int32]bool, len(lists)*championSize)
	var ids []string
	for _, l := range lists {
		for _, c := range l.hits {
			if !seen[c.doc] {
				seen[c.doc] = true
				ids = append(ids, docID(li.docs[c.doc]))
			}
		}
	}
	among := query.NewDocIDQuery(ids)
	among.SetBoost(0) // a filter: the scores stay those of q
	sr, err := li.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(q, among), want, 0, false))
	if err != nil || len(sr.Hits) < want {
		return nil, err
	}
	if required == 1 {
		// The other clauses only reorder: the query matches what its
		// required clause matches.
		sr.Total = uint64(total)
	}
	return sr, nil
}
