package search

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/textnorm"
)

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
	formFactor    = 0.9  // a match through another form of the word (otherForms)
	prefixTitle   = 10   // suggest: title starts with the last word
	prefixMore    = 4    // suggest: a heading, keyword or tag starts with it
	prefixBody    = 0.5  // suggest: body word starts with it
	minBodyPrefix = 4    // suggest: shortest prefix searched in body text
	suggestWords  = 24   // suggest: longest snippet, in words
)

// clause is the query of one word, or of a run of words matched together
// (a synonym entry, a compound).
type clause struct {
	q query.Query
	// meaning: the clause carries meaning — not only stop words, and not
	// only words most articles have.
	meaning bool
	// rare: an exact token few articles have (an error code, a product
	// name, a number with letters).
	rare bool
	// optional: a compound of stop words ("to the" as "tothe", "to do" as
	// "todo"): the words alone are not searched, so their joined word only
	// ranks the matches of the other clauses, never narrows them (one
	// article's typo "tothe" made "access to the path" find nothing else).
	optional bool
	// key identifies the clause of one word of a suggest query's first
	// pass (see championKey); "" for other clauses. word and typing are
	// that word and whether it is being typed.
	key    string
	word   word
	typing bool
}

// clauses cuts an analysed query into clauses over the content fields
// (with the body when body is set).
func (li *localeIndex) clauses(qa *queryAnalysis, body bool) []clause {
	fields := searchFields(body)
	words := qa.words
	last := len(words) - 1
	typing := func(i int) bool { return qa.prefix && i == last }
	wordQ := func(i int) query.Query {
		switch {
		case typing(i):
			return li.prefixClause(qa, words[i], fields, body)
		case words[i].stem == "":
			return nil
		}
		return li.wordClause(qa, words[i], fields, 1)
	}
	common := func(stem string) bool { return 2*li.vocab[stem] > len(li.docs) && len(li.docs) >= 4 }
	var out []clause
	for i := 0; i < len(words); {
		syn, comp := qa.spans[i], qa.compounds[i]
		switch {
		case syn != nil && comp != nil && comp.n > syn.n:
			syn = nil
		case syn != nil && comp != nil && comp.n < syn.n:
			comp = nil
		}
		n := 1
		if syn != nil {
			n = syn.n
		} else if comp != nil {
			n = comp.n
		}
		var own []query.Query
		c := clause{}
		// "e ticket" for "e-ticket": the joined word, not the letter.
		joined := qa.joinedAt(i) == n
		if joined && syn != nil && syn.joined != "" {
			own = append(own, li.termsConjunction([]string{syn.joined}, fields, 1))
		}
		for j := i; j < i+n && !joined; j++ {
			if q := wordQ(j); q != nil {
				if !(n > 1 && typing(j) && words[j].stem == "" && li.stopWord(words[j].plain)) {
					// A stop word typed last in the pair read as one word
					// ("week the" as "weekthe…") narrows nothing, as it
					// does alone ("skip week the" found nothing).
					own = append(own, q)
				}
			}
		}
		for j := i; j < i+n; j++ {
			w := words[j]
			switch {
			case typing(j):
				c.meaning = c.meaning || w.stem != "" || !li.stopWord(w.plain)
			case w.stem != "" && !common(w.stem):
				c.meaning = true
			}
		}
		var alts []query.Query
		switch len(own) {
		case 0:
		case 1:
			alts = append(alts, own[0])
		default:
			alts = append(alts, bleve.NewConjunctionQuery(own...))
		}
		if syn != nil {
			for _, e := range syn.alts {
				alts = append(alts, li.termsConjunction(e, fields, synonymFactor))
			}
			c.meaning = true
		}
		if comp != nil {
			if typing(i+n-1) && !comp.code {
				for _, p := range []string{comp.plain, comp.number} {
					if p != "" {
						alts = append(alts, term(p, fieldTitleAC, prefixTitle), term(p, fieldMoreAC, prefixMore))
					}
				}
				for _, t := range comp.prefixTypos {
					alts = append(alts, term(t, fieldTitleAC, prefixTitle*typoFactor), term(t, fieldMoreAC, prefixMore*typoFactor))
				}
				// A dotted word only the body writes ("install.log"): its
				// beginning as a prefix of body terms, which hold it whole,
				// as prefixClause reads a word being typed.
				if body && strings.Contains(comp.plain, ".") && utf8.RuneCountInString(comp.plain) >= minBodyPrefix {
					alts = append(alts, &livePrefixQuery{prefix: comp.plain, field: fieldBody, boost: prefixBody, counts: li.counts})
				}
				if len(comp.typos) > 0 {
					alts = append(alts, li.wordClause(qa, comp.word(), fields, 1))
				}
			} else {
				alts = append(alts, li.wordClause(qa, comp.word(), fields, 1))
				if comp.number != "" {
					alts = append(alts, li.wordClause(qa, word{plain: comp.number, stem: comp.number}, fields, 1))
				}
			}
			c.meaning = c.meaning || !common(comp.stem)
			if len(own) == 0 && syn == nil {
				c.meaning, c.optional = false, true
			}
		}
		if n == 1 && syn == nil && comp == nil && !typing(i) && li.rare(qa, i) {
			c.rare = true
		}
		if n == 1 && syn == nil && comp == nil && qa.suggest && qa.announcesCode(i) {
			// Search keeps it: its last pass lists the articles about
			// errors, as related, for a code none holds ("error E99"),
			// and coverage reads it as the code (codeMarkers).
			c.meaning, c.optional = false, true
		}
		if n == 1 && syn == nil && comp == nil && qa.suggest && !body {
			c.word, c.typing = words[i], typing(i)
			c.key = championKey(qa, c.word, c.typing)
		}
		i += n
		switch len(alts) {
		case 0:
			continue
		case 1:
			c.q = alts[0]
		default:
			c.q = bleve.NewDisjunctionQuery(alts...)
		}
		out = append(out, c)
	}
	return out
}

// onlyStopWords reports whether every word of the query is a stop word,
// the one being typed included.
func (qa *queryAnalysis) onlyStopWords(li *localeIndex) bool {
	for i, w := range qa.words {
		if w.stem != "" || qa.prefix && i == len(qa.words)-1 && !li.stopWord(w.plain) {
			return false
		}
	}
	return len(qa.words) > 0
}

// rare reports whether the query's word i is a rare token that ranks its
// articles first: one holding a digit (an error code, a version, a number
// with letters) that some article has, and no more articles than any
// other word of the query that some article has. A number alone is a
// count, a duration or a size ("files tab teams channel 39"), no token of
// one topic, unless a code word announces it ("error 1603": site.CodeAt):
// as rare, the one article saying "39 seconds" came before the one whose
// title is the rest of the query. A model name many
// articles write ("C210 sd card", "Cam S3 Pro offline") is where the
// question is asked, not what it asks: its articles do not come before
// the one about SD cards. Other rare words (product names) weigh their
// rarity in the coverage: a tier of their own would let an incidental
// word of a question decide.
func (li *localeIndex) rare(qa *queryAnalysis, i int) bool {
	w := qa.words[i]
	df := li.vocab[w.stem]
	if w.stem == "" || df == 0 || !hasDigit(w.plain) || isNumber(w.plain) && !site.CodeAt(qa.plains(), i) {
		return false
	}
	for j, o := range qa.words {
		if k := li.vocab[o.stem]; j != i && o.stem != "" && k > 0 && k < df && !(qa.prefix && j == len(qa.words)-1) {
			return false
		}
	}
	return true
}

// stopWord reports whether a folded word is a stop word of the locale.
func (li *localeIndex) stopWord(plain string) bool {
	return len(li.an.text.Analyze([]byte(plain))) == 0
}

// pass is one way of combining the clauses, stricter first.
type pass struct {
	body bool
	mode passMode
}

type passMode int

const (
	passAll      passMode = iota // every clause
	passRare                     // every rare token, the other clauses optional
	passAny                      // any clause, more of them scoring higher
	passMeaning                  // every clause carrying meaning, the others optional (suggest)
	passRequired                 // as passMeaning, with the body (suggest)
)

// query combines clauses for a pass; nil when the pass adds nothing.
func (li *localeIndex) passQuery(qa *queryAnalysis, cl []clause, p pass) query.Query {
	var optional []query.Query
	if core := slices.DeleteFunc(slices.Clone(cl), func(c clause) bool { return c.optional }); len(core) > 0 && len(core) < len(cl) {
		for _, c := range cl {
			if c.optional {
				optional = append(optional, c.q)
			}
		}
		cl = core
	}
	q := li.combine(qa, cl, p)
	if q == nil || len(optional) == 0 {
		return q
	}
	return query.NewBooleanQuery([]query.Query{q}, []query.Query{bleve.NewDisjunctionQuery(optional...)}, nil)
}

// combine is passQuery without the optional clauses.
func (li *localeIndex) combine(qa *queryAnalysis, cl []clause, p pass) query.Query {
	var q query.Query
	qs := make([]query.Query, len(cl))
	for i, c := range cl {
		qs[i] = c.q
	}
	switch p.mode {
	case passAll:
		q = conjunction(qs)
	case passAny:
		if len(cl) == 1 {
			return nil // the same as passAll
		}
		q = bleve.NewDisjunctionQuery(qs...)
	case passRare:
		var must, should []query.Query
		for _, c := range cl {
			if c.rare {
				must = append(must, c.q)
			} else {
				should = append(should, c.q)
			}
		}
		if len(must) == 0 || len(should) == 0 {
			return nil
		}
		q = query.NewBooleanQuery(must, []query.Query{bleve.NewDisjunctionQuery(should...)}, nil)
	case passMeaning:
		var must, should []query.Query
		for _, c := range cl {
			if c.meaning {
				must = append(must, c.q)
			} else {
				should = append(should, c.q)
			}
		}
		if len(must) == 0 {
			must, should = should, nil // only common words: they are what was asked
		}
		if len(should) == 0 {
			q = conjunction(must)
		} else {
			q = query.NewBooleanQuery([]query.Query{conjunction(must)}, []query.Query{bleve.NewDisjunctionQuery(should...)}, nil)
		}
	}
	// Not for autocomplete: each keystroke must be cheap, and the titles
	// already rank first there.
	if ph := li.phraseClause(qa); ph != nil && !qa.suggest && !qa.noPhrases {
		// Optional: it reorders the matches, it does not add any.
		q = query.NewBooleanQuery([]query.Query{q}, []query.Query{ph}, nil)
	}
	return q
}

func conjunction(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

// ranked is one hit of a locale's index.
type ranked struct {
	li    *localeIndex
	qa    *queryAnalysis // the query as analysed in li, for highlighting
	a     *site.Article
	id    index.IndexInternalID // nil for a phrase of titles
	score float64
	pass  int     // index of the pass that found it: 0 has every word
	cov   float64 // coverage of the query (search only)
	// apart: the article has a synonym entry of several words of the
	// query only with its words apart (suggest only; see synonymApart).
	apart bool
}

// ranking is the outcome of the passes of one query in one locale.
type ranking struct {
	qa     *queryAnalysis
	hits   []ranked // best first, at most the number asked
	total  int
	strict int // articles with every clause (search) or every word that carries meaning (suggest)
	// common: the query has only stop words; it was matched as a phrase
	// of titles.
	common bool
}

// rank runs the passes of a query and returns its want best hits.
//
// Search: every clause is required first: cheap (bleve leaps over
// documents that miss a word) and precise. When that finds fewer than
// enoughHits, the articles with every rare token (error codes, product
// names) come next, then those with any word, ranked by how many match.
// (The threshold ignores Limit and Offset so that every page of a query
// comes from the same passes.) The hits of a stricter pass stay above
// those a looser pass adds: an article with every word of the query (in
// its title, say) outranks one with only some of them, however often it
// repeats those.
//
// Suggest: every word that carries meaning is required, the last as a
// prefix, in titles, keywords, headings, tags and descriptions (short, so
// cheap, and they rank first anyway), then in the body too; stop words and
// words most articles have only reorder. No suggestion matches only some
// of the words typed.
func (ix *Index) rank(ctx context.Context, li *localeIndex, qa *queryAnalysis, want int) (*ranking, error) {
	r := &ranking{qa: qa}
	if qa.onlyStopWords(li) {
		return ix.rankCommon(li, qa, want), nil
	}
	passes := []pass{{true, passAll}, {true, passRare}, {true, passAny}}
	fetch := want
	if qa.suggest {
		passes = []pass{{false, passMeaning}, {true, passMeaning}}
	} else {
		fetch = max(want, minCandidates)
	}
	byBody := map[bool][]clause{}
	pop := ix.popularity.Load()
	phrases := qa.suggest && qa.hasPhraseSynonyms()
	seen := map[string]bool{}
	for i, p := range passes {
		cl, ok := byBody[p.body]
		if !ok {
			cl = li.clauses(qa, p.body)
			byBody[p.body] = cl
		}
		if len(cl) == 0 {
			return r, nil
		}
		q := li.passQuery(qa, cl, p)
		if q == nil {
			continue
		}
		var sr *bleve.SearchResult
		var err error
		if qa.suggest && !p.body {
			sr, err = li.searchChampions(ctx, qa, cl, q, fetch)
		}
		if sr == nil && err == nil {
			sr, err = li.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, fetch, 0, false))
		}
		if err != nil {
			return nil, err
		}
		// Each pass matches a superset of the previous one's articles.
		r.total = max(r.total, int(sr.Total))
		if i == 0 {
			r.strict = int(sr.Total)
		}
		if err := li.sortTies(sr.Hits); err != nil {
			return nil, err
		}
		for _, h := range sr.Hits {
			if seen[h.ID] {
				continue
			}
			seen[h.ID] = true
			d, _ := li.doc(h.ID)
			id := slices.Clone(h.IndexInternalID)
			r.hits = append(r.hits, ranked{li: li, qa: qa, a: li.docs[d], id: id, score: h.Score * ix.tieBreak(li.docs[d], pop), pass: i,
				apart: phrases && li.synonymApart(qa, d)})
		}
		// A pass with enough hits ends the search, except for a question
		// of many words, whose answer may lack a few of them ("says",
		// "still", "keeps") that a long article about something else
		// has: every pass's best candidates are then ranked by coverage.
		if sr.Total >= enoughHits && (qa.suggest || len(byBody[p.body]) < questionClauses) {
			break
		}
	}
	if qa.suggest {
		slices.SortStableFunc(r.hits, func(x, y ranked) int {
			if x.apart != y.apart {
				// As in a search (coverage), a synonym entry of several
				// words is had only where they are written together.
				if x.apart {
					return 1
				}
				return -1
			}
			if x.pass != y.pass {
				return cmp.Compare(x.pass, y.pass)
			}
			return cmp.Compare(y.score, x.score)
		})
	} else if err := li.rankByCoverage(ctx, r); err != nil {
		return nil, err
	}
	if len(r.hits) > want {
		r.hits = r.hits[:want]
	}
	return r, nil
}

// sortTies orders hits of equal score by their article's place in the
// View (bleve orders them by their place in the index, which an
// incremental update changes), so that an index built whole and one
// updated in place answer alike.
func (li *localeIndex) sortTies(hits bsearch.DocumentMatchCollection) error {
	pos := make(map[string]int, len(hits))
	for _, h := range hits {
		d, err := li.doc(h.ID)
		if err != nil {
			return err
		}
		pos[h.ID] = d
	}
	slices.SortStableFunc(hits, func(x, y *bsearch.DocumentMatch) int {
		if c := cmp.Compare(y.Score, x.Score); c != 0 {
			return c
		}
		return cmp.Compare(pos[x.ID], pos[y.ID])
	})
	return nil
}

// minCandidates is the fewest articles a search pass fetches for ranking
// by coverage.
const minCandidates = 30

// questionClauses: a query of this many clauses or more is a question.
const questionClauses = 4

// scoreShare is how much the index's score moves a hit against coverage:
// the best scored hit keeps its coverage, the worst loses this share.
const scoreShare = 0.25

// rankByCoverage orders search hits by the rare tokens of the query they
// have, then by coverage (see coverage.go), the index's score breaking
// near-ties.
func (li *localeIndex) rankByCoverage(ctx context.Context, r *ranking) error {
	if len(r.hits) == 0 {
		return nil
	}
	ids := make([]index.IndexInternalID, len(r.hits))
	top := 0.0
	for i, h := range r.hits {
		ids[i] = h.id
		top = max(top, h.score)
	}
	cov, rare, err := li.coverage(ctx, li.coverageWords(r.qa, false), ids, hitArticles(r.hits))
	if err != nil {
		return err
	}
	key := make(map[*site.Article]float64, len(r.hits))
	rares := make(map[*site.Article]int, len(r.hits))
	for i := range r.hits {
		r.hits[i].cov = cov[i]
		rares[r.hits[i].a] = rare[i]
		rel := 0.0
		if top > 0 {
			rel = r.hits[i].score / top
		}
		key[r.hits[i].a] = cov[i] * (1 - scoreShare + scoreShare*rel)
	}
	slices.SortStableFunc(r.hits, func(x, y ranked) int {
		// Exact matches of rare tokens (error codes, product names)
		// first: a partial match of the other words is not an answer.
		if c := cmp.Compare(rares[y.a], rares[x.a]); c != 0 {
			return c
		}
		if c := cmp.Compare(key[y.a], key[x.a]); c != 0 {
			return c
		}
		return cmp.Compare(y.score, x.score)
	})
	return nil
}

// rankCommon answers a query made only of stop words ("where is", "how
// to") from the whole phrase: the titles holding its words in that order
// (the last one as a prefix when it is being typed), titles starting with
// it first, then shorter titles. Search and Suggest thus agree: both list
// "Where is my data stored?" for "where is", and both say there is nothing
// when no title has the phrase.
//
// A contraction typed without its apostrophe ("cant", "dont") is read as
// the contraction when the phrase as typed is in no title: titles write
// "can't".
func (ix *Index) rankCommon(li *localeIndex, qa *queryAnalysis, want int) *ranking {
	words := make([]string, 0, len(qa.words))
	restored := make([]string, 0, len(qa.words))
	// A contraction is a whole word even while it is being typed: "can't"
	// is not "can t…" ("can take").
	typedWhole, restoredWhole := false, false
	for _, w := range qa.words {
		k := textnorm.Key(w.plain)
		words = append(words, k)
		typedWhole = strings.ContainsAny(w.plain, "'’") && li.stopWord(w.plain)
		c := li.contraction(w.plain)
		restoredWhole = typedWhole || c != ""
		if c == "" {
			c = k
		}
		restored = append(restored, c)
	}
	phrase := func(words []string, whole bool) string {
		p := " " + strings.Join(words, " ")
		if !qa.prefix || whole {
			p += " "
		}
		return p
	}
	typed := phrase(words, typedWhole)
	r := li.commonTitles(qa, typed, want)
	if alt := phrase(restored, restoredWhole); r.total == 0 && alt != typed {
		r = li.commonTitles(qa, alt, want)
	}
	return r
}

// contraction returns the words (as textnorm.Key writes them) of the
// locale's stop word that plain is without its apostrophe ("cant" →
// "can t", "cest" → "c est"), or "" when there is none.
func (li *localeIndex) contraction(plain string) string {
	if strings.ContainsAny(plain, "'’") || utf8.RuneCountInString(plain) > maxContraction {
		return ""
	}
	rs := []rune(plain)
	for i := 1; i < len(rs); i++ {
		c := string(rs[:i]) + "'" + string(rs[i:])
		if li.stopWord(c) {
			return textnorm.Key(c)
		}
	}
	return ""
}

// maxContraction is the longest word read as a contraction without its
// apostrophe ("shouldnt").
const maxContraction = 12

// commonTitles is rankCommon for one phrase (words separated and
// surrounded by single spaces; no trailing space when the last word is a
// prefix).
func (li *localeIndex) commonTitles(qa *queryAnalysis, phrase string, want int) *ranking {
	r := &ranking{qa: qa, common: true}
	if strings.TrimSpace(phrase) == "" {
		return r
	}
	if c, ok := li.common.get(phrase); ok {
		if len(c.docs) >= want || len(c.docs) == c.total {
			// The best titles of a longer page, or all of them.
			r.total, r.strict = c.total, c.total
			for i, d := range c.docs[:min(want, len(c.docs))] {
				r.hits = append(r.hits, ranked{li: li, qa: qa, a: li.docs[d], score: float64(c.total - i), cov: 1})
			}
			return r
		}
	}
	// Only the want best are kept (titles starting with the phrase
	// first, then shorter titles, then the View's order): a common
	// phrase is in most titles of a big help center, and sorting them all
	// cost more than finding them.
	type found struct{ at, ln, d int }
	better := func(x, y found) int {
		if c := cmp.Compare(x.at, y.at); c != 0 {
			return c
		}
		if c := cmp.Compare(x.ln, y.ln); c != 0 {
			return c
		}
		return cmp.Compare(x.d, y.d)
	}
	best := make([]found, 0, want+1)
	// One search through all titles at once: a phrase has no two spaces
	// in a row, so it never runs from one title into the next.
	li.loadTitles()
	for from := 0; from < len(li.titles); {
		i := strings.Index(li.titles[from:], phrase)
		if i < 0 {
			break
		}
		i += from
		d, atStart := slices.BinarySearch(li.titleAt, int32(i))
		if !atStart {
			d-- // i is inside docs[d-1]'s title, not at its start
		}
		start, end := int(li.titleAt[d]), int(li.titleAt[d+1])
		from = end // the first place in a title is its best
		r.total++
		f := found{i - start, end - start, d}
		if len(best) == want && better(f, best[want-1]) >= 0 {
			continue
		}
		at, _ := slices.BinarySearchFunc(best, f, better)
		best = slices.Insert(best, at, f)
		if len(best) > want {
			best = best[:want]
		}
	}
	r.strict = r.total
	c := &commonPhrase{total: r.total, docs: make([]int, len(best))}
	for i, f := range best {
		c.docs[i] = f.d
		r.hits = append(r.hits, ranked{li: li, qa: qa, a: li.docs[f.d], score: float64(r.total - i), cov: 1})
	}
	li.common.put(phrase, c, maxCommonPhrases) // a deeper page replaces a shorter one
	return r
}

// commonPhrase is what rankCommon found for a phrase: how many titles have
// it and the best of them (positions in docs), as many as the deepest page
// asked so far needed.
type commonPhrase struct {
	total int
	docs  []int
}

// maxCommonPhrases bounds the phrases of stop words whose titles a locale
// index remembers: a language has few stop words, and "a", "i", "how"…
// begin many queries, at their first keystroke ("a" is in half the titles).
const maxCommonPhrases = 4096

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
// edits of the stem (the first letter kept). The corrections of a short
// word count only when the query found nothing without them.
func (li *localeIndex) wordClause(qa *queryAnalysis, w word, fields []fieldBoost, factor float64) query.Query {
	var qs []query.Query
	typo := fuzzyFactor
	if w.unknown {
		typo = typoFactor
	}
	typos, fuzz := w.typos, w.fuzz
	if w.short && !qa.shortTypos {
		typos, fuzz = nil, 0
	}
	for _, f := range fields {
		qs = append(qs, term(w.stem, f.field, f.boost*factor))
		for _, t := range w.forms {
			qs = append(qs, term(t, f.field, f.boost*factor*formFactor))
		}
		for _, t := range w.heads {
			qs = append(qs, term(t, f.field, f.boost*factor*headFactor))
		}
		for _, t := range typos {
			qs = append(qs, term(t, f.field, f.boost*factor*typo))
		}
	}
	if fuzz > 1 {
		// Two edits: costly automata, so only on the fields that hold
		// nearly every term.
		for _, f := range fields {
			if f.field != fieldTitle && f.field != fieldBody {
				continue
			}
			qs = append(qs, &liveFuzzyQuery{term: w.stem, prefix: 1, fuzziness: fuzz, field: f.field,
				boost: f.boost * factor * typo, counts: li.counts, known: &li.fuzzy})
		}
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// prefixClause matches the partial last word of an autocomplete query: as a
// prefix of title, heading, keyword and tag words (edge n-gram fields) and,
// when long enough, of body terms; and as a whole word.
func (li *localeIndex) prefixClause(qa *queryAnalysis, w word, fields []fieldBoost, body bool) query.Query {
	p := w.plain
	if utf8.RuneCountInString(p) > maxNgram {
		p = string([]rune(p)[:maxNgram])
	}
	qs := []query.Query{term(p, fieldTitleAC, prefixTitle), term(p, fieldMoreAC, prefixMore)}
	for _, t := range w.prefixTypos {
		qs = append(qs, term(t, fieldTitleAC, prefixTitle*typoFactor), term(t, fieldMoreAC, prefixMore*typoFactor))
	}
	// The partial word's stem, when the stemmer took its beginning away
	// (Arabic "البط" → "بط"): it is a prefix of the stems the index holds
	// (strippedStems, and body terms, which are stems).
	stripped := beginningStripped(w.plain, w.stem)
	if stripped {
		qs = append(qs, term(w.stem, fieldTitleAC, prefixTitle), term(w.stem, fieldMoreAC, prefixMore))
	}
	if body && utf8.RuneCountInString(w.plain) >= minBodyPrefix {
		prefixes := []string{w.plain}
		if stripped {
			prefixes = append(prefixes, w.stem)
		}
		if u := undoubledPrefix(li.locale, w.plain); u != w.plain {
			prefixes = append(prefixes, u)
		}
		for _, bp := range prefixes {
			qs = append(qs, &livePrefixQuery{prefix: bp, field: fieldBody, boost: prefixBody, counts: li.counts})
		}
	}
	// A number followed by a full stop ("4.") is a number being typed
	// ("4.8"), not the number alone; another word may end a sentence.
	if w.stem != "" && !(strings.HasSuffix(w.plain, ".") && dottedNumber(w.plain)) {
		qs = append(qs, li.wordClause(qa, w, fields, 1))
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// undoubledPrefix is the beginning of a word being typed as the body
// terms of locale write it: the French light stemmer writes a letter
// doubled in a word of five letters or more once ("commande" is "comand",
// "affiche" "afich"), so "comm" must be looked up as "com" in the body.
// Other locales: p itself.
func undoubledPrefix(locale, p string) string {
	if i18n.Language(locale) != "fr" {
		return p
	}
	var b strings.Builder
	var prev rune
	for i, r := range p {
		if i > 0 && r == prev && unicode.IsLetter(r) {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// termsConjunction requires every term of a synonym entry, exactly.
func (li *localeIndex) termsConjunction(terms []string, fields []fieldBoost, factor float64) query.Query {
	var qs []query.Query
	for _, t := range terms {
		var fq []query.Query
		for _, f := range fields {
			fq = append(fq, term(t, f.field, f.boost*factor))
		}
		qs = append(qs, bleve.NewDisjunctionQuery(fq...))
	}
	return conjunction(qs)
}

func term(t, field string, boost float64) query.Query {
	q := bleve.NewTermQuery(t)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

// hitArticles returns the articles of hits, in order.
func hitArticles(hits []ranked) []*site.Article {
	out := make([]*site.Article, len(hits))
	for i, h := range hits {
		out[i] = h.a
	}
	return out
}

// hasPhraseSynonyms reports whether words of the query are an entry of a
// synonym group that has an entry of several words.
func (qa *queryAnalysis) hasPhraseSynonyms() bool {
	for _, sp := range qa.spans {
		for _, e := range sp.alts {
			if len(e) > 1 {
				return true
			}
		}
	}
	return false
}

// synonymApart reports whether the d-th article has words of the query
// that are a synonym entry only through another entry of several words
// that it writes apart: it writes neither the words typed (the last as a
// prefix while it is typed) nor an entry of one word, nor an entry of
// several words in a row (writesPhrase, the rule coverage applies in a
// search), but writes the words of one. "ios app" matched "Phone alerts
// in the app" through the entry "phone app" as if it wrote it.
func (li *localeIndex) synonymApart(qa *queryAnalysis, d int) bool {
	var dt *docTerms
	has := func(t string) bool { return dt.strong[t] || dt.body[t] }
	hasPrefix := func(p string) bool {
		for _, set := range []map[string]bool{dt.strong, dt.body} {
			for t := range set {
				if strings.HasPrefix(t, p) {
					return true
				}
			}
		}
		return false
	}
	apart := false
	for first, sp := range qa.spans {
		if !slices.ContainsFunc(sp.alts, func(e []string) bool { return len(e) > 1 }) {
			continue
		}
		if dt == nil {
			dt = li.docTerms(d)
		}
		own := true
		for j := first; j < first+sp.n && own; j++ {
			switch w := qa.words[j]; {
			case qa.prefix && j == len(qa.words)-1:
				own = hasPrefix(w.plain)
			case w.stem != "":
				own = has(w.stem)
			}
		}
		if own || sp.joined != "" && has(sp.joined) {
			continue
		}
		written, spread := false, false
		for _, e := range sp.alts {
			switch {
			case len(e) == 1:
				written = written || has(e[0])
			case li.writesPhrase(li.docs[d], e) > 0:
				written = true
			case !slices.ContainsFunc(e, func(t string) bool { return !has(t) }):
				spread = true
			}
		}
		if written {
			continue
		}
		apart = apart || spread
	}
	return apart
}
