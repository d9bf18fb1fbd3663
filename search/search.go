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
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
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
	// synonyms holds the locale's synonym groups, each entry analysed into
	// its sequence of terms.
	synonyms [][][]string
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
	for _, group := range v.Lib.Synonyms[li.locale] {
		var entries [][]string
		for _, s := range group {
			var terms []string
			for _, t := range li.an.text.Analyze([]byte(s)) {
				terms = append(terms, string(t.Term))
			}
			if len(terms) > 0 {
				entries = append(entries, terms)
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
	// word will do, ranked by how many match. (The threshold ignores Limit
	// and Offset so that every page of a query comes from the same pass.) Autocomplete looks at titles,
	// headings, keywords, tags and descriptions first: they are short, so
	// queries on them are cheap, and they rank first anyway; body text is
	// the last resort.
	type pass struct{ body, all bool }
	passes := []pass{{true, true}, {true, false}}
	if suggest {
		passes = []pass{{false, true}, {false, false}, {true, false}}
	}
	var sr *bleve.SearchResult
	for i, p := range passes {
		q, clauses := li.buildQuery(qa, p.body, p.all)
		if q == nil {
			return res, nil
		}
		if i > 0 && clauses == 1 && p.body == passes[i-1].body {
			continue // same query as the previous pass
		}
		var err error
		sr, err = li.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, limit, offset, false))
		if err != nil {
			return nil, err
		}
		if sr.Total >= enoughHits {
			break
		}
	}
	res.Total = int(sr.Total)
	m := li.newMatcher(qa)
	for _, h := range sr.Hits {
		i, err := strconv.Atoi(h.ID)
		if err != nil || i < 0 || i >= len(li.docs) {
			return nil, fmt.Errorf("unknown document %q", h.ID)
		}
		a := li.docs[i]
		hit := site.SearchHit{ID: a.ID, Title: a.Title, URL: a.URL, Locale: a.Locale, Score: h.Score}
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
		{fieldTitle, 8}, {fieldKeywords, 5}, {fieldHeadings, 3},
		{fieldDescription, 2}, {fieldTags, 2},
	}
	if body {
		fields = append(fields, fieldBoost{fieldBody, 1})
	}
	return fields
}

// Scoring factors relative to an exact match of the query word.
const (
	fuzzyFactor   = 0.05 // a typo-tolerant match: below any exact match, title against body included
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
	for i := 0; i < len(words); i++ {
		w := words[i]
		if qa.prefix && i == len(words)-1 {
			clauses = append(clauses, li.prefixClause(w, fields, body))
			continue
		}
		if w.stem == "" {
			continue
		}
		if syn := qa.spans[i]; syn != nil {
			alts := []query.Query{li.conjunction(words[i:i+syn.n], fields, 1)}
			for _, e := range syn.alts {
				alts = append(alts, li.termsConjunction(e, fields, synonymFactor))
			}
			clauses = append(clauses, bleve.NewDisjunctionQuery(alts...))
			i += syn.n - 1
			continue
		}
		clauses = append(clauses, li.wordClause(w, fields, 1))
	}
	switch {
	case len(clauses) == 0:
		return nil, 0
	case len(clauses) == 1:
		return clauses[0], 1
	case all:
		return bleve.NewConjunctionQuery(clauses...), len(clauses)
	}
	return bleve.NewDisjunctionQuery(clauses...), len(clauses)
}

// wordClause matches one query word in any field: exactly, or, when the
// word is not in the vocabulary, through the terms of the words one typo
// away or, failing those, for long words, a fuzzy query tolerating two
// edits of the stem.
func (li *localeIndex) wordClause(w word, fields []fieldBoost, factor float64) query.Query {
	var qs []query.Query
	for _, f := range fields {
		qs = append(qs, term(w.stem, f.field, f.boost*factor))
		for _, t := range w.typos {
			qs = append(qs, term(t, f.field, f.boost*factor*fuzzyFactor))
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
			fq.SetBoost(f.boost * factor * fuzzyFactor)
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
