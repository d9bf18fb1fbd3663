// Package search is Guichet's full-text search: one bleve index per locale,
// built from a site.View, answering site.Searcher's Search (ranked results
// with highlighted snippets) and Suggest (autocomplete).
//
// Queries are never parsed with bleve's query-string syntax: the text is run
// through the locale's analyzers and turned into term, prefix and fuzzy
// queries, so any input is plain words. Typo tolerance, synonyms, keywords
// and the fallback to the default locale live here; the HTTP layer only
// validates lengths and renders.
package search

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/guichet/guichet/site"
)

// Result limits.
const (
	defaultLimit = 10
	maxLimit     = 50
	maxOffset    = 1000 // deeper pages are of no use to anyone
	// enoughHits is how many hits a stricter pass must find for the looser
	// passes to be skipped.
	enoughHits = 10
)

// Index is the search index of one site.View: immutable and safe for
// concurrent use. On content reload the caller builds a new Index, swaps it
// in (an atomic pointer) and closes the old one once unused.
type Index struct {
	key           string
	view          *site.View
	defaultLocale string
	locales       map[string]*localeIndex
	// popularity is replaced whole by SetPopularity; nil means none.
	popularity atomic.Pointer[popularity]
}

// popularity is a snapshot of recent clicks per article ID.
type popularity struct {
	clicks map[string]int
	logMax float64 // log1p of the largest count
}

// SetPopularity sets the recent click counts per article ID used to break
// near-ties between results; nil or empty clears them. The map is copied.
// It is safe to call while searches run: each search uses the snapshot it
// started with.
func (ix *Index) SetPopularity(clicks map[string]int) {
	p := &popularity{clicks: make(map[string]int, len(clicks))}
	top := 0
	for id, n := range clicks {
		if n > 0 {
			p.clicks[id] = n
			top = max(top, n)
		}
	}
	if top == 0 {
		ix.popularity.Store(nil)
		return
	}
	p.logMax = math.Log1p(float64(top))
	ix.popularity.Store(p)
}

// Tie-breaks: a score is raised by at most popularityBoost for the most
// clicked article and by at most recencyBoost for an article updated
// today (halving every recencyHalfLife), so that only near-ties change
// order.
const (
	popularityBoost = 0.03
	recencyBoost    = 0.01
	recencyHalfLife = 90 * 24 * time.Hour
	// rerankExtra hits beyond the page are fetched so that one just
	// below it can move up.
	rerankExtra = 10
)

// tieBreak returns the factor applied to the score of article a.
func (ix *Index) tieBreak(a *site.Article, pop *popularity) float64 {
	f := 1.0
	if pop != nil {
		if n := pop.clicks[a.ID]; n > 0 {
			f += popularityBoost * math.Log1p(float64(n)) / pop.logMax
		}
	}
	if !a.Updated.IsZero() {
		age := max(ix.view.Now.Sub(a.Updated), 0)
		f += recencyBoost * math.Exp2(-float64(age)/float64(recencyHalfLife))
	}
	return f
}

var _ site.Searcher = (*Index)(nil)

// localeIndex is the index of one locale.
type localeIndex struct {
	locale string
	idx    bleve.Index
	an     analyzers
	docs   []*site.Article // by document ID (its position)
	// vocab maps every indexed term of the content fields to its largest
	// document frequency in any field: typo tolerance applies to query
	// words missing from it.
	vocab map[string]int
	// phrases holds the terms of the phrases field (keywords and tags of
	// more than one word, pairs of title words), so that only phrases
	// some article has are searched.
	phrases map[string]bool
	// synonyms holds the locale's synonym groups, entries analysed.
	synonyms [][]synEntry
	// terms caches the analysed terms of articles met while linking
	// tickets (document ID → *docTerms).
	terms sync.Map
	// typos caches typoCandidates by word (at most maxTypoCache words,
	// counted by typoCount): the index never changes, nor do they.
	typos     sync.Map
	typoCount atomic.Int64
}

func newIndex(v *site.View, key string) *Index {
	return &Index{key: key, view: v, defaultLocale: v.Lib.Config.DefaultLocale, locales: map[string]*localeIndex{}}
}

// Key returns the index key: the directory name of an on-disk index under
// the directory given to Build. Pass it to Prune to keep this index.
func (ix *Index) Key() string { return ix.key }

// Close releases the bleve indexes. The Index must not be used afterwards.
func (ix *Index) Close() error {
	var errs []error
	for _, li := range ix.locales {
		if err := li.idx.Close(); err != nil {
			errs = append(errs, fmt.Errorf("search: close %s index: %w", li.locale, err))
		}
	}
	return errors.Join(errs...)
}

// load fills the in-memory side of a locale index: articles by document ID,
// vocabulary and analysed synonyms.
func (li *localeIndex) load(v *site.View, articles []*site.Article) error {
	li.docs = articles
	li.vocab = make(map[string]int, 1024)
	for _, field := range contentFields() {
		d, err := li.idx.FieldDict(field)
		if err != nil {
			return fmt.Errorf("read %s terms: %w", field, err)
		}
		for {
			e, err := d.Next()
			if err != nil {
				d.Close()
				return fmt.Errorf("read %s terms: %w", field, err)
			}
			if e == nil {
				break
			}
			if int(e.Count) > li.vocab[e.Term] {
				li.vocab[e.Term] = int(e.Count)
			}
		}
		if err := d.Close(); err != nil {
			return fmt.Errorf("read %s terms: %w", field, err)
		}
	}
	li.phrases = map[string]bool{}
	d, err := li.idx.FieldDict(fieldPhrases)
	if err != nil {
		return fmt.Errorf("read %s terms: %w", fieldPhrases, err)
	}
	for {
		e, err := d.Next()
		if err != nil {
			d.Close()
			return fmt.Errorf("read %s terms: %w", fieldPhrases, err)
		}
		if e == nil {
			break
		}
		li.phrases[e.Term] = true
	}
	if err := d.Close(); err != nil {
		return fmt.Errorf("read %s terms: %w", fieldPhrases, err)
	}
	for _, group := range v.Lib.Synonyms[li.locale] {
		var entries []synEntry
		for _, s := range group {
			if e := li.newSynEntry(s); len(e.terms) > 0 {
				entries = append(entries, e)
			}
		}
		if len(entries) > 1 {
			li.synonyms = append(li.synonyms, entries)
		}
	}
	return nil
}

// Search returns ranked results with highlighted snippets. An empty query,
// or one longer than site.MaxQueryLen characters, finds nothing.
func (ix *Index) Search(ctx context.Context, req site.SearchRequest) (*site.SearchResults, error) {
	return ix.run(ctx, req, false)
}

// Suggest returns autocomplete results: the last word of the query matches
// as a prefix unless the query ends with a space, the other words match as
// in Search; titles and headings rank above body text; the snippet is the
// article's description.
func (ix *Index) Suggest(ctx context.Context, req site.SearchRequest) (*site.SearchResults, error) {
	return ix.run(ctx, req, true)
}

func (ix *Index) run(ctx context.Context, req site.SearchRequest, suggest bool) (*site.SearchResults, error) {
	op := "search"
	if suggest {
		op = "suggest"
	}
	locale := req.Locale
	if locale == "" {
		locale = ix.defaultLocale
	}
	res := &site.SearchResults{Query: req.Query, Locale: locale, Hits: []site.SearchHit{}}
	if strings.TrimSpace(req.Query) == "" || utf8.RuneCountInString(req.Query) > site.MaxQueryLen {
		return res, nil
	}
	limit := req.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	offset := min(max(req.Offset, 0), maxOffset)

	// The requested locale first; when it finds nothing, the default one.
	if li := ix.locales[locale]; li != nil {
		r, err := ix.searchLocale(ctx, li, req.Query, limit, offset, suggest)
		if err != nil {
			return nil, fmt.Errorf("search: %s %q: %w", op, req.Query, err)
		}
		if r.Total > 0 || locale == ix.defaultLocale {
			r.Query, r.Locale = req.Query, locale
			return r, nil
		}
		res.DidYouMean = r.DidYouMean
	}
	if li := ix.locales[ix.defaultLocale]; li != nil && locale != ix.defaultLocale {
		r, err := ix.searchLocale(ctx, li, req.Query, limit, offset, suggest)
		if err != nil {
			return nil, fmt.Errorf("search: %s %q: %w", op, req.Query, err)
		}
		if r.Total > 0 {
			r.Query, r.Locale = req.Query, ix.defaultLocale
			return r, nil
		}
	}
	return res, nil
}

// searchLocale runs one query against one locale.
func (ix *Index) searchLocale(ctx context.Context, li *localeIndex, text string, limit, offset int, suggest bool) (*site.SearchResults, error) {
	qa := li.analyze(text, suggest)
	res := &site.SearchResults{Hits: []site.SearchHit{}}
	// Every word is required first: cheap (bleve leaps over documents that
	// miss a word) and precise. When that finds fewer than enoughHits, any
	// word will do, ranked by how many match, below the articles the
	// stricter pass found. (The threshold ignores Limit and Offset so that
	// every page of a query comes from the same passes.) Autocomplete looks
	// at titles, keywords, headings, tags and descriptions first: they are
	// short, so queries on them are cheap, and they rank first anyway; body
	// text is the last resort. Every pass fetches rerankExtra hits beyond
	// the page, for the tie-breaks to reorder.
	type pass struct{ body, all bool }
	passes := []pass{{true, true}, {true, false}}
	if suggest {
		passes = []pass{{false, true}, {false, false}, {true, false}}
	}
	// The hits of a stricter pass stay above those a looser pass adds: an
	// article with every word of the query (in its title, say) outranks one
	// with only some of them, however often it repeats those.
	type ranked struct {
		a     *site.Article
		score float64
		pass  int
	}
	pop := ix.popularity.Load()
	var hits []ranked
	seen := map[string]bool{}
	for i, p := range passes {
		q, clauses := li.buildQuery(qa, p.body, p.all)
		if q == nil {
			return res, nil
		}
		if i > 0 && clauses == 1 && p.body == passes[i-1].body {
			continue // same query as the previous pass
		}
		sr, err := li.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, offset+limit+rerankExtra, 0, false))
		if err != nil {
			return nil, err
		}
		// Each pass matches a superset of the previous one's articles.
		res.Total = int(sr.Total)
		for _, h := range sr.Hits {
			if seen[h.ID] {
				continue
			}
			seen[h.ID] = true
			d, err := strconv.Atoi(h.ID)
			if err != nil || d < 0 || d >= len(li.docs) {
				return nil, fmt.Errorf("unknown document %q", h.ID)
			}
			hits = append(hits, ranked{li.docs[d], h.Score * ix.tieBreak(li.docs[d], pop), i})
		}
		if sr.Total >= enoughHits {
			break
		}
	}
	slices.SortStableFunc(hits, func(x, y ranked) int {
		if x.pass != y.pass {
			return cmp.Compare(x.pass, y.pass)
		}
		return cmp.Compare(y.score, x.score)
	})
	hits = hits[min(offset, len(hits)):min(offset+limit, len(hits))]
	m := li.newMatcher(qa)
	for _, h := range hits {
		a := h.a
		hit := site.SearchHit{ID: a.ID, Title: a.Title, URL: a.URL, Locale: a.Locale, Score: h.score}
		if c, err := ix.view.Category(a.CategoryID, a.Locale); err == nil {
			hit.Category = c.Title
		}
		if suggest {
			desc := a.Description
			if desc == "" {
				desc = a.Text
			}
			hit.Snippet = li.highlight(desc, m, suggestWords)
		} else {
			hit.Snippet, hit.Heading, hit.Anchor = li.snippet(a, m)
		}
		res.Hits = append(res.Hits, hit)
	}
	if !suggest && offset == 0 {
		dym, err := li.didYouMean(ctx, qa, res.Total)
		if err != nil {
			return nil, err
		}
		res.DidYouMean = dym
	}
	return res, nil
}

// Field boosts. Title matters most, then keywords (chosen by the writer as
// what readers type), headings, description and tags, then the body.
type fieldBoost struct {
	field string
	boost float64
}

func searchFields(body bool) []fieldBoost {
	fields := []fieldBoost{
		{fieldTitle, 8}, {fieldKeywords, 5}, {fieldMore, 3},
	}
	if body {
		fields = append(fields, fieldBoost{fieldBody, 1})
	}
	return fields
}

// Scoring factors relative to an exact match of the query word.
const (
	fuzzyFactor   = 0.05 // a typo-tolerant match of a word that exists: below any exact match, title against body included
	typoFactor    = 0.5  // a correction of a word found nowhere: the only reading of that word
	synonymFactor = 0.8  // a match through a synonym
	prefixTitle   = 10   // suggest: title starts with the last word
	prefixMore    = 4    // suggest: a heading, keyword or tag starts with it
	prefixBody    = 0.5  // suggest: body word starts with it
	minBodyPrefix = 4    // suggest: shortest prefix searched in body text
	suggestWords  = 24   // suggest: longest snippet, in words
)

// buildQuery turns an analysed query into a bleve query, or nil when there
// is nothing to search, and its number of clauses. Each word (or synonym
// span) is one clause. With all, a document must match every clause;
// otherwise one clause is enough, and matching more scores higher (bleve's
// coordination factor). Body adds the body field.
func (li *localeIndex) buildQuery(qa *queryAnalysis, body, all bool) (query.Query, int) {
	fields := searchFields(body)
	var clauses []query.Query
	words := qa.words
	// clause matches word i: as a prefix when it is being typed.
	clause := func(i int) query.Query {
		switch {
		case qa.prefix && i == len(words)-1:
			return li.prefixClause(words[i], fields, body)
		case words[i].stem == "":
			return nil
		}
		return li.wordClause(words[i], fields, 1)
	}
	for i := 0; i < len(words); i++ {
		syn := qa.spans[i]
		if syn == nil {
			if c := clause(i); c != nil {
				clauses = append(clauses, c)
			}
			continue
		}
		var own []query.Query
		for j := i; j < i+syn.n; j++ {
			if c := clause(j); c != nil {
				own = append(own, c)
			}
		}
		alts := []query.Query{bleve.NewConjunctionQuery(own...)}
		if len(own) == 1 {
			alts[0] = own[0]
		}
		for _, e := range syn.alts {
			alts = append(alts, li.termsConjunction(e, fields, synonymFactor))
		}
		clauses = append(clauses, bleve.NewDisjunctionQuery(alts...))
		i += syn.n - 1
	}
	var q query.Query
	switch {
	case len(clauses) == 0:
		return nil, 0
	case len(clauses) == 1:
		q = clauses[0]
	case all:
		q = bleve.NewConjunctionQuery(clauses...)
	default:
		q = bleve.NewDisjunctionQuery(clauses...)
	}
	// Not for autocomplete: each keystroke must be cheap, and the titles
	// already rank first there.
	if ph := li.phraseClause(qa); ph != nil && !qa.suggest && !qa.noPhrases {
		// Optional: it reorders the matches, it does not add any.
		q = query.NewBooleanQuery([]query.Query{q}, []query.Query{ph}, nil)
	}
	return q, len(clauses)
}

// Keyword phrases: runs of up to maxPhraseWords query terms are looked up
// whole in the phrases field, at most maxPhraseSpans of them.
const (
	minPhraseWords = 2 // a keyword of one word is matched by the keywords field
	maxPhraseWords = 5
	maxPhraseSpans = 40
	phraseBoost    = 6 // per word of the phrase
)

// phraseClause matches the keywords and tags equal to a run of consecutive
// query terms (stop words skipped, the word being typed left out), longer
// runs scoring higher; nil when no such phrase is indexed (then the query
// stays as cheap as without phrases).
func (li *localeIndex) phraseClause(qa *queryAnalysis) query.Query {
	// Terms in most articles (the product's name) are skipped too, so
	// "how much does Relais cost" finds the keyword "how much does it cost".
	var stems, informative []string
	for i, w := range qa.words {
		if w.stem == "" || qa.prefix && i == len(qa.words)-1 {
			continue
		}
		stems = append(stems, w.stem)
		if 2*li.vocab[w.stem] <= len(li.docs) {
			informative = append(informative, w.stem)
		}
	}
	var qs []query.Query
	seen := map[string]bool{}
	for _, seq := range [][]string{stems, informative} {
		for i := range seq {
			for n := minPhraseWords; n <= maxPhraseWords && i+n <= len(seq) && len(qs) < maxPhraseSpans; n++ {
				p := strings.Join(seq[i:i+n], phraseSep)
				if !seen[p] && li.phrases[p] {
					seen[p] = true
					qs = append(qs, term(p, fieldPhrases, phraseBoost*float64(n)))
				}
			}
		}
	}
	if len(qs) == 0 {
		return nil
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// wordClause matches one query word in any field: exactly, or, when the
// word is not in the vocabulary, through the terms of the words one typo
// away or, failing those, for long words, a fuzzy query tolerating two
// edits of the stem.
func (li *localeIndex) wordClause(w word, fields []fieldBoost, factor float64) query.Query {
	var qs []query.Query
	typo := fuzzyFactor
	if w.unknown {
		typo = typoFactor
	}
	for _, f := range fields {
		qs = append(qs, term(w.stem, f.field, f.boost*factor))
		for _, t := range w.typos {
			qs = append(qs, term(t, f.field, f.boost*factor*typo))
		}
	}
	if w.fuzz > 1 {
		// Two edits: costly automata, so only on the fields that hold
		// nearly every term.
		for _, f := range fields {
			if f.field != fieldTitle && f.field != fieldBody {
				continue
			}
			fq := bleve.NewFuzzyQuery(w.stem)
			fq.SetField(f.field)
			fq.SetFuzziness(w.fuzz)
			fq.SetBoost(f.boost * factor * typo)
			qs = append(qs, fq)
		}
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// prefixClause matches the partial last word of an autocomplete query: as a
// prefix of title, heading, keyword and tag words (edge n-gram fields) and,
// when long enough, of body terms; and as a whole word.
func (li *localeIndex) prefixClause(w word, fields []fieldBoost, body bool) query.Query {
	p := w.plain
	if utf8.RuneCountInString(p) > maxNgram {
		p = string([]rune(p)[:maxNgram])
	}
	qs := []query.Query{term(p, fieldTitleAC, prefixTitle), term(p, fieldMoreAC, prefixMore)}
	if body && utf8.RuneCountInString(w.plain) >= minBodyPrefix {
		pq := bleve.NewPrefixQuery(w.plain)
		pq.SetField(fieldBody)
		pq.SetBoost(prefixBody)
		qs = append(qs, pq)
	}
	if w.stem != "" {
		qs = append(qs, li.wordClause(w, fields, 1))
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// conjunction requires every word of a span.
func (li *localeIndex) conjunction(ws []word, fields []fieldBoost, factor float64) query.Query {
	if len(ws) == 1 {
		return li.wordClause(ws[0], fields, factor)
	}
	var qs []query.Query
	for _, w := range ws {
		if w.stem != "" {
			qs = append(qs, li.wordClause(w, fields, factor))
		}
	}
	return bleve.NewConjunctionQuery(qs...)
}

// termsConjunction requires every term of a synonym entry, exactly.
func (li *localeIndex) termsConjunction(terms []string, fields []fieldBoost, factor float64) query.Query {
	ws := make([]word, len(terms))
	for i, t := range terms {
		ws[i] = word{stem: t}
	}
	return li.conjunction(ws, fields, factor)
}

func term(t, field string, boost float64) query.Query {
	q := bleve.NewTermQuery(t)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}
