package search

import (
	"bytes"
	"context"
	"math"
	"slices"
	"strings"

	"github.com/guichet/guichet/site"

	index "github.com/blevesearch/bleve_index_api"
)

// Coverage: how much of what a query says an article has, and where. Each
// word of the query that carries meaning weighs its rarity (inverse
// document frequency); it counts fully when the article's title or
// keywords have it, nearly when its headings, description or tags do,
// half when only its body does, and not at all otherwise. A synonym counts
// a little less than the word, a correction of an unknown word half.
// Ranking search results by coverage first puts the short article whose
// title answers a question above the long one that happens to use every
// word of it somewhere ("access database on a server says the file is
// already in use").
var fieldCredit = map[string]float64{
	fieldTitle: 1, fieldKeywords: 1, fieldMore: 0.8, fieldBody: 0.5,
}

// alternative is a way a query word can be present: every one of terms,
// worth factor; several terms (a synonym entry of several words) in a row.
type alternative struct {
	terms  []string
	factor float64
}

// coverageWord is one word of the query that carries meaning.
type coverageWord struct {
	weight float64
	alts   []alternative
	// rare: an exact token few articles have (see clause.rare).
	rare bool
	// term is the word's own term when some article has it, for reading
	// names of several words (unitWeights); "" otherwise.
	term string
}

// coverageWords lists the words of a query that count for coverage: words
// that are not stop words and that some article has (or a correction,
// synonym or compound of them does); with unknown set, words no article
// has too, which then no article covers, and the first part no article
// writes of a compound found through its head (unknownModifier).
func (li *localeIndex) coverageWords(qa *queryAnalysis, unknown bool) []coverageWord {
	n := float64(len(li.docs))
	out := make([]coverageWord, len(qa.words))
	for i, w := range qa.words {
		if w.stem == "" || qa.prefix && i == len(qa.words)-1 {
			continue
		}
		if qa.joinedWord(i) {
			continue // only as the word it spells joined, below
		}
		if k := li.vocab[w.stem]; k > 0 {
			out[i].alts = append(out[i].alts, alternative{[]string{w.stem}, 1})
			out[i].rare = li.rare(qa, i)
			out[i].term = w.stem
		}
		for _, t := range w.forms {
			f := formFactor
			if t == writtenForm(li.vocab, w.stem) {
				// The very code or version, as the articles write it ("E7"
				// is "E07", "v4" "4.0"): present as if typed so, even
				// where only a body has it.
				f = 1
			}
			out[i].alts = append(out[i].alts, alternative{[]string{t}, f})
		}
		for _, t := range w.heads {
			out[i].alts = append(out[i].alts, alternative{[]string{t}, headFactor})
		}
		if !(w.short && !qa.shortTypos) && w.unknown {
			for _, t := range w.typos {
				out[i].alts = append(out[i].alts, alternative{[]string{t}, typoFactor})
			}
		}
	}
	for i, t := range qa.codeMarkers(li) {
		out[i].alts = append(out[i].alts, alternative{[]string{t}, 1})
	}
	for first, sp := range qa.spans {
		for _, e := range sp.alts {
			for k := first; k < first+sp.n; k++ {
				out[k].alts = append(out[k].alts, alternative{e, synonymFactor})
			}
		}
		if sp.joined != "" && qa.joinedAt(first) == sp.n {
			for k := first; k < first+sp.n; k++ {
				out[k].alts = append(out[k].alts, alternative{[]string{sp.joined}, 1})
			}
		}
	}
	for first, c := range qa.compounds {
		for k := first; k < first+c.n; k++ {
			out[k].alts = append(out[k].alts, alternative{[]string{c.stem}, 1})
			if c.number != "" {
				out[k].alts = append(out[k].alts, alternative{[]string{c.number}, 1})
			}
			if w := c.word(); !(w.short && !qa.shortTypos) {
				for _, t := range w.typos {
					out[k].alts = append(out[k].alts, alternative{[]string{t}, typoFactor})
				}
			}
		}
	}
	kept := out[:0]
	for i, cw := range out {
		// A word typed that the index cuts in chunks weighs as one word,
		// its chunks sharing its weight: a word no article has counts
		// against the results as much beside it as beside a word the
		// index keeps whole ("除石灰 牛乳" as "Entkalken Milch").
		share := 1.0
		if c := qa.words[i].chunks; c > 1 {
			share = 1 / float64(c)
		}
		if len(cw.alts) == 0 {
			if unknown && qa.words[i].stem != "" && !(qa.prefix && i == len(qa.words)-1) {
				cw.weight = share * math.Log(1+n)
				kept = append(kept, cw)
			}
			continue
		}
		df := 0
		for _, a := range cw.alts {
			for _, t := range a.terms {
				df = max(df, li.vocab[t])
			}
		}
		cw.weight = share * math.Log(1+n/float64(max(df, 1)))
		kept = append(kept, cw)
		if w := qa.words[i]; unknown && li.vocab[w.stem] == 0 && !(qa.prefix && i == len(qa.words)-1) &&
			li.unknownModifier(w.plain, w.stem) != "" {
			// "Fußbodenheizung" found through the "Heizung" an article
			// writes, where none writes "Fußboden": the floor is a word
			// no article has, and counts against every result as one
			// typed apart would (an answer, it was called).
			kept = append(kept, coverageWord{weight: math.Log(1 + n)})
		}
	}
	return kept
}

// coverage returns the coverage of each hit (by internal document ID),
// from 0 to 1, checking the fields of only those documents in the index,
// and how many of the query's rare tokens each has.
func (li *localeIndex) coverage(ctx context.Context, words []coverageWord, ids []index.IndexInternalID, arts []*site.Article) ([]float64, []int, error) {
	out := make([]float64, len(ids))
	rare := make([]int, len(ids))
	if len(words) == 0 || len(ids) == 0 {
		return out, rare, nil
	}
	adv, err := li.idx.Advanced()
	if err != nil {
		return nil, nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	order := make([]int, len(ids))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return bytes.Compare(ids[a], ids[b]) })

	// has[term][field] tells, per hit, whether the field has the term.
	has := map[string]map[string][]bool{}
	var doc index.TermFieldDoc
	lookup := func(t string) (map[string][]bool, error) {
		if m, ok := has[t]; ok {
			return m, nil
		}
		m := map[string][]bool{}
		for _, f := range contentFields() {
			tfr, err := r.TermFieldReader(ctx, []byte(t), f, false, false, false)
			if err != nil {
				return nil, err
			}
			if tfr.Count() == 0 {
				tfr.Close()
				continue
			}
			in := make([]bool, len(ids))
			for _, i := range order {
				d, err := tfr.Advance(ids[i], &doc)
				if err != nil {
					tfr.Close()
					return nil, err
				}
				if d == nil {
					break
				}
				in[i] = bytes.Equal(d.ID, ids[i])
			}
			tfr.Close()
			m[f] = in
		}
		has[t] = m
		return m, nil
	}
	bests := make([][]float64, len(words))
	for k, w := range words {
		best := make([]float64, len(ids))
		for _, a := range w.alts {
			// Every term of the alternative, in its weakest field.
			credit := make([]float64, len(ids))
			for i := range credit {
				credit[i] = 1
			}
			for _, t := range a.terms {
				m, err := lookup(t)
				if err != nil {
					return nil, nil, err
				}
				for i := range ids {
					c := 0.0
					for f, in := range m {
						if in[i] {
							c = max(c, fieldCredit[f])
						}
					}
					credit[i] = min(credit[i], c)
				}
			}
			if len(a.terms) > 1 {
				// A synonym entry of several words is present where a
				// field writes them in a row (writesPhrase).
				for i := range ids {
					if credit[i] > 0 {
						credit[i] = li.writesPhrase(arts[i], a.terms)
					}
				}
			}
			for i := range ids {
				c := credit[i] * a.factor
				if a.factor >= formFactor && credit[i] > 0 {
					// Another form of the word ("inquadra" for
					// "inquadrare") is the word: only in a body, it is
					// half of it, as the word itself would be (0.45
					// called the one article writing it weak).
					c = max(c, fieldCredit[fieldBody])
				}
				best[i] = max(best[i], c)
			}
		}
		bests[k] = best
	}
	weights, err := li.unitWeights(ctx, r, words)
	if err != nil {
		return nil, nil, err
	}
	var total float64
	for _, w := range weights {
		total += w
	}
	for k, w := range words {
		for i := range ids {
			out[i] += weights[k] * bests[k][i]
			if w.rare && bests[k][i] > 0 {
				rare[i]++
			}
		}
	}
	// Divided once, so that every word at half credit (a body's) is
	// exactly half, as answerQuality expects: divided word by word, the
	// halves could add up to 0.4999….
	for i := range out {
		out[i] /= total
	}
	return out, rare, nil
}

// A name of several words ("Cam S3 Pro", "Google Calendar") counts once
// in the coverage: words the content writes together, in nearly the same
// articles and in at least minUnitArticles of them, share the weight of
// the heaviest. Counted word by word, a name the help center writes in
// many articles outweighed the word of the problem ("Cam S3 Pro
// offline": the articles naming the camera came before "My camera shows
// as offline", which names no model, and the answer was called weak).
const (
	minUnitArticles = 3
	// unitOverlap: the share of the articles holding either word that
	// hold both.
	unitOverlap = 0.8
	// maxUnitArticles: words in more articles are not looked at (their
	// weight is small anyway, and their lists long).
	maxUnitArticles = 500
	maxUnitCache    = 100000
)

// unitWeights returns the weight each word counts for in the coverage:
// its own, shared with the other words of a name (see minUnitArticles).
func (li *localeIndex) unitWeights(ctx context.Context, r index.IndexReader, words []coverageWord) ([]float64, error) {
	weights := make([]float64, len(words))
	for k, w := range words {
		weights[k] = w.weight
	}
	done := make([]bool, len(words))
	for k, w := range words {
		if done[k] || w.term == "" {
			continue
		}
		unit := []int{k}
		for j := k + 1; j < len(words); j++ {
			if done[j] || words[j].term == "" || words[j].term == w.term {
				continue
			}
			same, err := li.oneName(ctx, r, w.term, words[j].term)
			if err != nil {
				return nil, err
			}
			if same {
				unit = append(unit, j)
			}
		}
		if len(unit) < 2 {
			continue
		}
		var sum, heaviest float64
		for _, j := range unit {
			sum += words[j].weight
			heaviest = max(heaviest, words[j].weight)
			done[j] = true
		}
		for _, j := range unit {
			weights[j] = words[j].weight * heaviest / sum
		}
	}
	return weights, nil
}

// oneName reports whether the content writes terms a and b together, as
// one name (see minUnitArticles); remembered by pair.
func (li *localeIndex) oneName(ctx context.Context, r index.IndexReader, a, b string) (bool, error) {
	if a > b {
		a, b = b, a
	}
	key := a + "\x00" + b
	if v, ok := li.names.get(key); ok {
		return v, nil
	}
	same := false
	na, nb := li.vocab[a], li.vocab[b]
	// The counts of vocab (the most articles holding it in one field)
	// tell most pairs apart without reading their lists.
	if min(na, nb) >= minUnitArticles && max(na, nb) <= maxUnitArticles && float64(min(na, nb)) >= unitOverlap*float64(max(na, nb)) {
		da, err := termArticles(ctx, r, a)
		if err != nil {
			return false, err
		}
		db, err := termArticles(ctx, r, b)
		if err != nil {
			return false, err
		}
		both := 0
		for id := range da {
			if db[id] {
				both++
			}
		}
		either := len(da) + len(db) - both
		same = both >= minUnitArticles && float64(both) >= unitOverlap*float64(either)
	}
	li.names.put(key, same, maxUnitCache)
	return same, nil
}

// termArticles returns the internal IDs of the articles holding term in
// any content field.
func termArticles(ctx context.Context, r index.IndexReader, term string) (map[string]bool, error) {
	out := map[string]bool{}
	var doc index.TermFieldDoc
	for _, f := range contentFields() {
		tfr, err := r.TermFieldReader(ctx, []byte(term), f, false, false, false)
		if err != nil {
			return nil, err
		}
		for {
			d, err := tfr.Next(&doc)
			if err != nil {
				tfr.Close()
				return nil, err
			}
			if d == nil {
				break
			}
			out[string(d.ID)] = true
		}
		tfr.Close()
	}
	return out, nil
}

// maxPhraseMemo bounds the (article, phrase) pairs writesPhrase remembers.
const maxPhraseMemo = 100000

// writesPhrase returns the credit of the best field of a (see
// fieldCredit) that writes terms in a row, stop words between them
// allowed (at most maxPhraseGap), 0 when none does: a synonym entry of
// several words ("phone app") is that phrase, and an article that writes
// "phone" in one place and "app" in another does not have it.
func (li *localeIndex) writesPhrase(a *site.Article, terms []string) float64 {
	key := a.ID + "\x00" + strings.Join(terms, " ")
	if v, ok := li.phrasesIn.get(key); ok {
		return v
	}
	headings := make([]string, 0, len(a.Headings))
	for _, h := range a.Headings {
		headings = append(headings, h.Text)
	}
	best := 0.0
	for _, f := range []struct {
		field string
		text  string
	}{
		{fieldTitle, a.Title},
		{fieldKeywords, strings.Join(a.Keywords, "\n")},
		{fieldMore, strings.Join(slices.Concat(headings, []string{a.Description}, a.Tags), "\n")},
		{fieldBody, a.Text},
	} {
		if fieldCredit[f.field] <= best || f.text == "" {
			continue
		}
		toks := words(li.an.text.Analyze([]byte(f.text))) // stop words leave gaps in positions
		for i := range toks {
			k, prev := 0, -1
			for j := i; j < len(toks) && k < len(terms); j++ {
				if string(toks[j].Term) != terms[k] || prev >= 0 && toks[j].Position-prev > 1+maxPhraseGap {
					break
				}
				k, prev = k+1, toks[j].Position
			}
			if k == len(terms) {
				best = fieldCredit[f.field]
				break
			}
		}
	}
	li.phrasesIn.put(key, best, maxPhraseMemo)
	return best
}
