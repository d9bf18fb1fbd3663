// Package search is Guichet's full-text search: one bleve index per locale,
// built from a site.View, answering site.Searcher's Search (ranked results
// with highlighted snippets) and Suggest (autocomplete).
//
// Queries are never parsed with bleve's query-string syntax: the text is run
// through the locale's analyzers and turned into term, prefix and fuzzy
// queries, so any input is plain words. Text is normalised by
// site/textnorm, the one normalisation, inside the analyzers. Compounds,
// typo tolerance and corrections, synonyms, keywords, ranking by coverage,
// snippets and the mixing in of the default locale live here; the HTTP
// layer only validates lengths and renders.
//
// Files: analysis.go and compound.go (analyzers), build.go (indexing),
// query.go (query words, typos, synonyms, compounds), rank.go (bleve
// queries and passes), coverage.go, correct.go ("did you mean"),
// languages.go, highlight.go and snippet.go, terms.go (gap grouping),
// link.go (tickets).
package search

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// Result limits.
const (
	defaultLimit = 10
	maxLimit     = 50
	maxOffset    = site.MaxOffset
	// enoughHits is how many hits a stricter pass must find for the looser
	// passes to be skipped.
	enoughHits = 10
)

// Index is the search index of one site.View: immutable and safe for
// concurrent use. On content reload the caller builds a new Index, swaps it
// in (an atomic pointer) and closes the old one once unused.
type Index struct {
	key string
	// root is the on-disk directory of the index ("" in memory), which
	// the next incremental update starts from.
	root string
	// indexed counts the articles indexed or deleted to make the index
	// (0 when an existing one was opened).
	indexed       int
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
	// saidWindow is how many of the first results, at least, the
	// corrections said of a search found through typo tolerance are read
	// from (see run): every page ranks at least limit+rerankExtra.
	saidWindow = defaultLimit
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

// doc returns the position in docs of the article of a hit's document ID.
func (li *localeIndex) doc(id string) (int, error) {
	d, ok := li.byID[id]
	if !ok {
		return 0, fmt.Errorf("unknown document %q", id)
	}
	return d, nil
}

// localeIndex is the index of one locale.
type localeIndex struct {
	locale string
	idx    bleve.Index
	an     analyzers
	// docs are the locale's articles in View.ByLocale order; byID maps a
	// bleve document ID (the article's ID, see docID) to its position.
	docs []*site.Article
	byID map[string]int
	// counts are the term counts vocab and phrases come from, kept for
	// the next incremental update.
	counts *termCounts
	// vocab maps every indexed term of the content fields to its largest
	// document frequency in any field: typo tolerance applies to query
	// words missing from it.
	vocab map[string]int
	// phrases holds the terms of the phrases field (keywords and tags of
	// more than one word, pairs of title words), so that only phrases
	// some article has are searched.
	phrases map[string]bool
	// numbered holds the words a title or keyword writes before a number:
	// "Android" of "Android 14" names a product's version there, where
	// "Order" of "Order 4821" names a customer's reference.
	numbered map[string]bool
	// synonyms holds the locale's synonym groups, entries analysed.
	synonyms [][]synEntry
	// titles holds textnorm.Key of each article's title between spaces,
	// one after the other in docs order, for queries made only of stop
	// words; titleAt[d] is where docs[d]'s title starts in it (and
	// titleAt[len(docs)] its length). Made by the first such query
	// (titlesOnce), not by every start.
	titlesOnce sync.Once
	titles     string
	titleAt    []int32
	// common remembers rankCommon's answers by phrase (at most
	// maxCommonPhrases).
	common memo[*commonPhrase]
	// terms caches the analysed terms of articles met while linking
	// tickets (position in docs → *docTerms).
	terms sync.Map
	// typos remembers typoCandidates by word (at most maxTypoCache), and
	// prefixTypos prefixCandidates by prefix (at most maxPrefixTypoCache).
	typos, prefixTypos memo[[]string]
	// letters are the vocabulary's letters by script, which typo variants
	// substitute and insert (see alphabet); made on first use.
	alphabetOnce sync.Once
	letters      *alphabets
	// written holds the letters outside a–z the articles write, lower-
	// cased, accents kept (see writesLetters); made on first use.
	writtenOnce sync.Once
	written     map[rune]bool
	// endings are the folded endings of the articles' words, written
	// with an accent or without (see accentlessWord); made on first use.
	endingsOnce sync.Once
	endings     wordEndings
	// shortCodes holds the letters of the content's short codes ("e" for
	// "E12"; see writesCodes), made on first use.
	shortCodesOnce sync.Once
	shortCodes     map[string]bool
	// codeStarts holds the beginnings of the content's codes, letters
	// and some digits ("e0", "e07" for "E07"; see typedCodeStart), and
	// codeLetters their letters ("e"; see writesCodeLetters); made on
	// first use (readCodes).
	codeStartsOnce sync.Once
	codeStarts     map[string]bool
	codeLetters    map[string]bool
	// reversed holds the vocabulary's terms spelt backwards, sorted: the
	// compounds a word is the head of are found by its end (compoundHeads).
	reversedOnce sync.Once
	reversed     []string
	// fuzzy remembers the expansions of fuzzy queries.
	fuzzy memo[*fuzzyExpansion]
	// phrasesIn remembers writesPhrase's answers by article and phrase.
	phrasesIn memo[float64]
	// names remembers oneName's answers by pair of terms.
	names memo[bool]
	// splits remembers splitWord's answers by word: the two words, "" for
	// none.
	splits memo[string]
	// verbs remembers verbForms' answers by word (at most maxTypoCache).
	verbs memo[[]string]
	// nearest remembers closest's answers by stem and typos (at most
	// maxTypoCache): its automaton two typos away takes a millisecond, and
	// a ticket import asks for the same unknown words thousands of times.
	nearest memo[string]
	// broad is the count from which a suggest clause uses its champion
	// list (broadClause; lower in tests), champions the lists.
	broad     int
	champions champions
}

func newIndex(v *site.View, key string) *Index {
	return &Index{key: key, view: v, defaultLocale: v.Lib.Config.DefaultLocale, locales: map[string]*localeIndex{}}
}

// Key returns the index key: the directory name of an on-disk index under
// the directory given to Build. Pass it to Prune to keep this index.
func (ix *Index) Key() string { return ix.key }

// Indexed returns how many articles were indexed again, or deleted, to
// make this index: 0 when an index of the same content was opened as it
// was, the locale's whole article count when a locale was built whole,
// the edited articles alone when it was updated (see BuildFrom).
func (ix *Index) Indexed() int { return ix.indexed }

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
// vocabulary, phrases and analysed synonyms. counts must be finished.
func (li *localeIndex) load(v *site.View, articles []*site.Article, counts *termCounts) {
	li.docs = articles
	li.broad = broadClause
	li.byID = make(map[string]int, len(articles))
	for i, a := range articles {
		li.byID[docID(a)] = i
	}
	li.counts = counts
	li.vocab = counts.vocab
	li.phrases = counts.phraseSet
	li.numbered = counts.numbered
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
}

// loadTitles makes titles and titleAt, once.
func (li *localeIndex) loadTitles() {
	li.titlesOnce.Do(func() {
		li.titleAt = make([]int32, len(li.docs)+1)
		var titles strings.Builder
		for i, a := range li.docs {
			li.titleAt[i] = int32(titles.Len())
			titles.WriteString(" " + textnorm.Key(a.Title) + " ")
		}
		li.titleAt[len(li.docs)] = int32(titles.Len())
		li.titles = titles.String()
	})
}

// Search returns ranked results with highlighted snippets. An empty query,
// or one too long for site.NormalQuery, finds nothing. A query
// with a word no article has may be corrected (see correct): the results
// are then for the corrected query, given in DidYouMean, unless
// req.Verbatim.
func (ix *Index) Search(ctx context.Context, req site.SearchRequest) (*site.SearchResults, error) {
	return ix.run(ctx, req, false)
}

// Suggest returns autocomplete results: the last word of the query matches
// as a prefix unless the query ends with a space, the other words match as
// in Search (with typo tolerance, never corrected); every word that carries
// meaning must match; titles and headings rank above body text; the
// snippet is the article's description.
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
	if q, err := site.NormalQuery("q", req.Query); err != nil || q == "" {
		return res, nil
	}
	limit := req.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	offset := max(req.Offset, 0)
	// Past what is served: no hits, the count still given (callers refuse
	// such offsets; this keeps the answer coherent anyway).
	past := offset > maxOffset
	if past {
		offset = 0
	}
	want := offset + limit + rerankExtra
	// Greetings typed first and sign-offs typed last say nothing of what
	// is asked, in a search as in autocomplete: "bom dia, como cancelo"
	// is answered as "como cancelo" ("dia" stays a word elsewhere).
	req.Query = textnorm.TrimCourtesy(req.Query) // res keeps the query as typed
	// Japanese questions end with how they are asked ("…を教えてください",
	// please tell me), written without a space: no stop words.
	req.Query = trimJapaneseAsks(req.Query)
	if textnorm.OnlyCourtesy(req.Query) {
		// "buenos días", "hello!", "thanks": it asks nothing, and no
		// article answers it ("días" found one on delivery times).
		return res, nil
	}

	def := ix.locales[ix.defaultLocale]
	li := ix.locales[locale]
	if li == nil {
		li, res.Locale = def, ix.defaultLocale // a locale without articles searches the default one
	}
	if li == nil {
		return res, nil
	}
	other := def != nil && li != def
	// With another locale to consult, typos are forgiven only once neither
	// found anything as typed (see forgive).
	r, dym, err := ix.searchLocale(ctx, li, req, want, suggest, !other, nil)
	if err != nil {
		return nil, fmt.Errorf("search: %s %q: %w", op, req.Query, err)
	}
	best := 0.0
	if !suggest || other {
		if best, err = li.quality(ctx, r); err != nil {
			return nil, fmt.Errorf("search: %s %q: %w", op, req.Query, err)
		}
	}
	var mixed []ranked
	more := 0
	if other {
		// The default locale completes a weak answer with better articles
		// not yet translated (and, when nothing matched, answers alone).
		text := req.Query
		if dym == "" && r.total == 0 && !suggest && !req.Verbatim {
			// Nothing here as typed nor corrected: a correction of the
			// default locale ("kisok" is "kiosk") is what runs there, and
			// the reader is told, as on the default locale's own site.
			// As many articles as a correction is judged by (plausible):
			// judged on the first alone, "dirección" on a Spanish site
			// was no "direction", and the English articles that write
			// it were then found through it all the same, unsaid.
			if _, dym, err = ix.searchLocale(ctx, def, req, plausibleHits, false, false, li); err != nil {
				return nil, fmt.Errorf("search: %s %q: %w", op, req.Query, err)
			}
		}
		if dym != "" {
			text = dym
		}
		if mixed, more, err = ix.mixIn(ctx, li, r, best, def, text, !req.Verbatim, suggest, want, false); err != nil {
			return nil, fmt.Errorf("search: %s %q: %w", op, req.Query, err)
		}
		if len(mixed) == 0 && r.total == 0 && dym == "" && !req.Verbatim {
			// Nothing in either locale as typed: typos are forgiven, in
			// the reader's locale first ("refun" on the French site is the
			// English "refund…" article before it is a French "refus…").
			if r, err = ix.forgive(ctx, li, r, want); err == nil && r.total > 0 {
				best, err = li.quality(ctx, r)
			} else if err == nil {
				mixed, more, err = ix.mixIn(ctx, li, r, best, def, text, !req.Verbatim, suggest, want, true)
			}
			if err != nil {
				return nil, fmt.Errorf("search: %s %q: %w", op, req.Query, err)
			}
		}
	}
	res.DidYouMean, res.CommonWords = dym, r.common
	hits, total := r.hits, r.total
	if other {
		if !suggest && len(mixed) > 0 {
			// In the default locale, words it does not know that the
			// reader's locale has are taken as words of the other
			// language; words neither has count against (mixedQuality).
			q, err := ix.mixedQuality(ctx, li, r, def, mixed)
			if err != nil {
				return nil, fmt.Errorf("search: %s %q: %w", op, req.Query, err)
			}
			best = max(best, q)
		}
		if len(mixed) > 0 {
			hits = append(mixed, hits...)
			total += more
			if r.total == 0 {
				res.Locale = ix.defaultLocale
				for _, h := range mixed {
					if h.li == li {
						res.Locale = locale // a translation was found
					}
				}
			}
		}
	}
	res.Total = total
	// Weak: not even the best hit has half of what the query says, or
	// the first does not hold the error code it names (see codes.go).
	res.Weak = !suggest && len(hits) > 0 && best < answerQuality
	if !suggest && len(hits) > 0 && !res.Weak {
		held, err := holdsCodes(ctx, hits[0])
		if err != nil {
			return nil, fmt.Errorf("search: %s %q: %w", op, req.Query, err)
		}
		res.Weak = !held
	}
	if !suggest && res.DidYouMean == "" && !req.Verbatim && len(hits) > 0 {
		// Results found only through the corrections of words no
		// article has (typo tolerance, when no correction passed
		// correct's checks): the page says what they were read as, every
		// correction of every result, as for a correction, the words as
		// typed one click away. Read from the same first results
		// whatever the page (saidWindow): "Showing results for" is the
		// query as read, the same on every page of it (page 2 named
		// corrections page 1 did not).
		var arts []*site.Article
		for _, h := range hits[:min(len(hits), max(limit, saidWindow))] {
			if h.li == hits[0].li && h.qa == hits[0].qa {
				arts = append(arts, h.a)
			}
		}
		res.DidYouMean = hits[0].li.forgivenAll(req.Query, hits[0].qa, arts)
	}
	hits = hits[min(offset, len(hits)):min(offset+limit, len(hits))]
	if past {
		hits = nil
	}
	matchers := map[*queryAnalysis]*matcher{}
	for _, h := range hits {
		m := matchers[h.qa]
		if m == nil {
			m = h.li.newMatcher(h.qa)
			matchers[h.qa] = m
		}
		res.Hits = append(res.Hits, ix.hit(h, m, suggest))
	}
	return res, nil
}

// searchLocale ranks the articles of one locale for a request: the query as
// typed, or its correction when that finds clearly better results (see
// correct), in which case the corrected query is returned too.
//
// With forgive, a query that found nothing is ranked again with its typos
// forgiven (see forgive). With across set, li is not the reader's locale
// (across) but the default one, consulted for a query in another
// language: only slips are corrected (see correct).
func (ix *Index) searchLocale(ctx context.Context, li *localeIndex, req site.SearchRequest, want int, suggest, forgive bool, across *localeIndex) (*ranking, string, error) {
	qa := li.analyzeTypos(ctx, req.Query, suggest, !req.Verbatim)
	if suggest && forgive && !req.Verbatim {
		// With another locale to consult, its words as typed come first
		// (see Search), so the corrections wait for forgive.
		if err := li.typingTypos(ctx, qa); err != nil {
			return nil, "", err
		}
		if _, err := li.dottedTypos(ctx, qa, false); err != nil {
			return nil, "", err
		}
	}
	if !suggest && !req.Verbatim && !qa.onlyStopWords(li) {
		fq, err := ix.correct(ctx, li, qa, req.Query, across)
		if err != nil {
			return nil, "", err
		}
		if fq != nil {
			r, err := ix.rank(ctx, li, fq, want)
			if err != nil {
				return nil, "", err
			}
			if by, ok := li.plausible(fq, r); ok {
				var top *site.Article
				if len(r.hits) > 0 {
					top = r.hits[0].a
				}
				return r, li.correctedBy(req.Query, fq, func(i int) *site.Article { return cmp.Or(by[i], top) }), nil
			}
		}
	}
	r, err := ix.rank(ctx, li, qa, want)
	if err != nil {
		return nil, "", err
	}
	if forgive {
		if r, err = ix.forgive(ctx, li, r, want); err != nil {
			return nil, "", err
		}
	}
	return r, "", nil
}

// forgive ranks again a query that found nothing, with the corrections
// held back until then: those of short words, and those of the word being
// typed (see typedTypos). It returns r itself when r found something or
// there is nothing to forgive.
func (ix *Index) forgive(ctx context.Context, li *localeIndex, r *ranking, want int) (*ranking, error) {
	if r.total > 0 || r.common {
		return r, nil
	}
	qa := r.qa
	typed, err := li.typedTypos(ctx, qa)
	if err != nil {
		return nil, err
	}
	joined, err := li.typedCompoundTypos(ctx, qa)
	if err != nil {
		return nil, err
	}
	if !typed && !joined && !qa.hasShortTypos() {
		return r, nil
	}
	qa.shortTypos = true
	return ix.rank(ctx, li, qa, want)
}

// hasShortTypos reports whether a short word of the query has corrections
// held back.
func (qa *queryAnalysis) hasShortTypos() bool {
	for _, w := range qa.words {
		if w.short && (len(w.typos) > 0 || w.fuzz > 0) {
			return true
		}
	}
	for _, c := range qa.compounds {
		if w := c.word(); w.short && len(w.typos) > 0 {
			return true
		}
	}
	return false
}

// hit renders one ranked article as a search hit.
func (ix *Index) hit(h ranked, m *matcher, suggest bool) site.SearchHit {
	a := h.a
	hit := site.SearchHit{ID: a.ID, Title: a.Title, URL: a.URL, Locale: a.Locale, Score: h.score}
	if c, err := ix.view.Category(a.CategoryID, a.Locale); err == nil {
		hit.Category = c.Title
		if c.Lang != "" && c.Lang != a.Locale {
			hit.CategoryLang = c.Lang
		}
	}
	if suggest {
		desc := a.Description
		if desc == "" {
			desc = a.Text
		}
		hit.Snippet = h.li.highlight(desc, m, suggestWords)
	} else {
		hit.Snippet, hit.Heading, hit.Anchor = h.li.snippet(a, m)
	}
	return hit
}
