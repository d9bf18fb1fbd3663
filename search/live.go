package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// Fuzzy and prefix queries expand into the terms of the index's
// dictionary; after an incremental update (update.go) the dictionary
// still lists the terms of deleted documents, which match nothing but
// would count in bleve's coordination factor (matched clauses / all
// clauses) and lower the score. These queries expand into the terms some
// document still has, as counted in termCounts: the terms a whole build
// of the same content has, so both answer alike.

// liveFuzzyQuery is bleve's FuzzyQuery (with a prefix and a fixed
// fuzziness) over the live terms of field.
type liveFuzzyQuery struct {
	term      string
	prefix    int
	fuzziness int
	field     string
	boost     float64
	counts    *termCounts
	// known holds the expansions of the locale index's earlier queries:
	// building the automaton of a long word two edits away takes
	// milliseconds, and autocomplete asks for the same word at every
	// keystroke after it.
	known *memo[*fuzzyExpansion]
}

// maxFuzzyExpansions bounds the fuzzy queries whose terms are remembered
// (by field, term, prefix and fuzziness).
const maxFuzzyExpansions = 20000

type fuzzyExpansion struct {
	terms []string
	edits []uint8
}

func (q *liveFuzzyQuery) Field() string         { return q.field }
func (q *liveFuzzyQuery) SetField(field string) { q.field = field }

// Searcher does what searcher.NewFuzzySearcher does, leaving out the
// terms no document has.
func (q *liveFuzzyQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	fr, ok := r.(index.IndexReaderFuzzy)
	if !ok || q.fuzziness == 0 {
		return searcher.NewFuzzySearcher(ctx, r, q.term, q.prefix, q.fuzziness, q.field, q.boost, opts)
	}
	key := fmt.Sprintf("%s\x00%s\x00%d\x00%d", q.field, q.term, q.prefix, q.fuzziness)
	if q.known != nil {
		if e, ok := q.known.get(key); ok {
			return q.searcher(ctx, r, e, opts)
		}
	}
	prefix := q.term
	for i := range q.term {
		if i >= q.prefix {
			prefix = q.term[:i]
			break
		}
	}
	dict, _, err := fr.FieldDictFuzzyAutomaton(q.field, q.term, q.fuzziness, prefix)
	if err != nil {
		return nil, err
	}
	var terms []string
	var edits []uint8
	e, err := dict.Next()
	for err == nil && e != nil {
		if q.counts.has(q.field, e.Term) {
			terms = append(terms, e.Term)
			edits = append(edits, e.EditDistance)
		}
		e, err = dict.Next()
	}
	if cerr := dict.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	x := &fuzzyExpansion{terms, edits}
	if q.known != nil {
		q.known.put(key, x, maxFuzzyExpansions)
	}
	return q.searcher(ctx, r, x, opts)
}

func (q *liveFuzzyQuery) searcher(ctx context.Context, r index.IndexReader, e *fuzzyExpansion, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	if len(e.terms) == 0 || len(e.terms) == 1 && e.terms[0] == q.term {
		return searcher.NewTermSearcher(ctx, r, q.term, q.field, q.boost, opts)
	}
	return searcher.NewMultiTermSearcherBoosted(ctx, r, e.terms, q.field, q.boost, e.edits, opts, true)
}

// livePrefixQuery is bleve's PrefixQuery over the live terms of field.
type livePrefixQuery struct {
	prefix string
	field  string
	boost  float64
	counts *termCounts
}

func (q *livePrefixQuery) Field() string         { return q.field }
func (q *livePrefixQuery) SetField(field string) { q.field = field }

// Searcher does what searcher.NewTermPrefixSearcher does, leaving out the
// terms no document has.
func (q *livePrefixQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	dict, err := r.FieldDictPrefix(q.field, []byte(q.prefix))
	if err != nil {
		return nil, err
	}
	var terms []string
	e, err := dict.Next()
	for err == nil && e != nil {
		if q.counts.has(q.field, e.Term) {
			terms = append(terms, e.Term)
		}
		e, err = dict.Next()
	}
	if cerr := dict.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	if len(terms) == 0 || len(terms) == 1 && terms[0] == q.prefix {
		return searcher.NewTermSearcher(ctx, r, q.prefix, q.field, q.boost, opts)
	}
	return searcher.NewMultiTermSearcher(ctx, r, terms, q.field, q.boost, opts, true)
}
