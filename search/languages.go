package search

import (
	"context"
	"slices"

	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/guichet/guichet/site"
)

// Mixing languages: a query whose best answer in its locale is weak also
// searches the default locale, where an article not yet translated may
// answer it ("code promo" on the French site, when the promo-code article
// exists only in English).
const (
	// weakQuality: below it, the best hit of a locale answers the query
	// only in part.
	weakQuality = 0.7
	// answerQuality: below it, the best hit has less than half of what
	// the query says (every word it has only in its body is exactly
	// half): the hits are related articles, not answers (Weak). Lower
	// than weakQuality, because natural questions rarely use an
	// answer's words, and a word no article has counts against them all.
	answerQuality = 0.5
	// mixMargin: an article of the default locale is mixed in when its
	// quality beats the best local one by this much, and reaches
	// mixQuality.
	mixMargin  = 0.25
	mixQuality = 0.6
	// mixCandidates: articles of the default locale considered.
	mixCandidates = 3
)

// mixIn completes a weak local ranking with better articles of the default
// locale: it returns the hits to put first, in the default locale or, when
// the article has a translation that the local ranking missed, in that
// translation. The quality of an answer is its coverage of the query (see
// coverage.go), comparable across locales, unlike scores: locally, words
// no local article has count against it; in the default locale, words it
// does not know are taken as words of the other language and left out.
//
// When nothing matched locally, every hit of the default locale is
// returned, up to want, with its total.
//
// best is the quality of the best local hit (see quality). Without typos
// (a verbatim request), the words are matched as typed.
//
// With forgive (nothing matched as typed in either locale: run has
// ranked the default locale as typed already), the default locale is
// ranked only with typos forgiven, as the local one is (see forgive).
func (ix *Index) mixIn(ctx context.Context, li *localeIndex, local *ranking, best float64, def *localeIndex, text string, typos, suggest bool, want int, forgive bool) ([]ranked, int, error) {
	if local.common {
		return nil, 0, nil
	}
	if best >= weakQuality {
		return nil, 0, nil
	}
	// A word of the reader's language is no typo of the default one's:
	// its corrections there are searched only once nothing was found
	// as typed in either (forgive), or as a correction the page shows
	// (text is then the corrected query). "cambiar dirección" on a
	// Spanish site found English articles on "direct" debit through
	// "direction", with nothing said.
	qa := def.analyzeTypos(ctx, withoutStopWords(li, text), suggest, typos && (forgive || suggest))
	n := mixCandidates
	if local.total == 0 {
		n = want
	}
	var r *ranking
	var err error
	if forgive {
		r, err = ix.forgive(ctx, def, &ranking{qa: qa}, n) // found nothing as typed
	} else {
		r, err = ix.rank(ctx, def, qa, n)
	}
	if err != nil {
		return nil, 0, err
	}
	if r.common {
		return nil, 0, nil
	}
	if suggest {
		ids := make([]index.IndexInternalID, len(r.hits))
		for i, h := range r.hits {
			ids[i] = h.id
		}
		cov, _, err := def.coverage(ctx, def.coverageWords(def.typedWhole(qa), false), ids, hitArticles(r.hits))
		if err != nil {
			return nil, 0, err
		}
		for i := range r.hits {
			r.hits[i].cov = cov[i]
		}
	}
	have := map[string]bool{}
	for _, h := range local.hits {
		have[h.a.ID] = true
	}
	var out []ranked
	for _, h := range r.hits {
		if have[h.a.ID] {
			continue
		}
		if q := h.cov; local.total > 0 && (q < mixQuality || q < best+mixMargin) {
			continue // nothing matched locally: any answer is better
		}
		have[h.a.ID] = true
		if t, err := ix.view.Article(h.a.ID, li.locale); err == nil {
			// Translated, but not in words the query has: the reader's
			// language still comes first.
			h.li, h.qa, h.a = li, local.qa, t
		}
		out = append(out, h)
	}
	if local.total == 0 {
		return out, r.total, nil
	}
	return out, len(out), nil
}

// withoutStopWords is text with the words li reads as stop words blanked,
// for searching it in another locale: the Portuguese "e" ("and") is no
// word of the question in English, where it is the "e" of "e-mail". A
// word inside a hyphenated one ("e-mail") is kept.
func withoutStopWords(li *localeIndex, text string) string {
	toks := li.an.plain.Analyze([]byte(text))
	var out []byte
	for _, t := range toks {
		if t.Type == analysis.Shingle || !li.stopWord(string(t.Term)) {
			continue
		}
		inside := false
		for _, o := range toks {
			if o.Type == analysis.Shingle && o.Start <= t.Start && t.End <= o.End {
				inside = true
				break
			}
		}
		// Offsets that do not hold the word as typed (an analyzer that
		// rewrote the text) leave the text as it is.
		if inside || t.Start < 0 || t.End > len(text) || t.Start >= t.End || !li.stopWord(text[t.Start:t.End]) {
			continue
		}
		if out == nil {
			out = []byte(text)
		}
		for i := t.Start; i < t.End; i++ {
			out[i] = ' '
		}
	}
	if out == nil {
		return text
	}
	return string(out)
}

// quality is how well the best hit of a ranking answers its query: its
// coverage (see coverage.go) with the words no article of the locale has
// counted against it. It is 0 without hits, 1 for a phrase of titles
// (a query of common words).
func (li *localeIndex) quality(ctx context.Context, r *ranking) (float64, error) {
	if r.common {
		return 1, nil
	}
	if len(r.hits) == 0 || r.hits[0].id == nil {
		return 0, nil
	}
	cov, _, err := li.coverage(ctx, li.coverageWords(li.typedWhole(r.qa), true), []index.IndexInternalID{r.hits[0].id}, []*site.Article{r.hits[0].a})
	if err != nil {
		return 0, err
	}
	return cov[0], nil
}

// typedWhole is qa with the word being typed read as a whole word when the
// locale has it ("webhooks"), for judging how well hits answer it across
// locales: otherwise a word being typed counts for no article's coverage,
// and a body that happens to have it would be as good an answer as a
// title of the default locale. qa itself when there is no such word.
func (li *localeIndex) typedWhole(qa *queryAnalysis) *queryAnalysis {
	if !qa.prefix || len(qa.words) == 0 {
		return qa
	}
	if w := qa.words[len(qa.words)-1]; w.stem == "" || li.vocab[w.stem] == 0 {
		return qa
	}
	whole := *qa
	whole.prefix = false
	return &whole
}

// mixedQuality is how well the best of the default locale's hits mixed in
// answers the query, for calling the results weak: their coverage (see
// quality) with the words the default locale does not know counted against
// them, as a word no article has is in one locale, except the words the
// reader's locale knows (local.qa's words some article of li has: words of
// the reader's language, which the default locale cannot be expected to
// have). A word neither locale has ("oublié" on a French site whose few
// articles do not write it) is a word no article has: "mot de passe
// oublié" is no question the English "Monthly pass" answers through
// "passe". A translation found through the default locale keeps the
// coverage it was ranked with.
func (ix *Index) mixedQuality(ctx context.Context, li *localeIndex, local *ranking, def *localeIndex, mixed []ranked) (float64, error) {
	best := 0.0
	var ids []index.IndexInternalID
	var arts []*site.Article
	var qa *queryAnalysis
	for _, h := range mixed {
		if h.li != def || h.id == nil || h.qa == nil {
			best = max(best, h.cov)
			continue
		}
		ids, arts, qa = append(ids, h.id), append(arts, h.a), h.qa
	}
	if len(ids) == 0 {
		return best, nil
	}
	known := map[string]bool{}
	if local != nil && local.qa != nil {
		for _, w := range local.qa.words {
			if w.stem != "" && li.vocab[w.stem] > 0 {
				known[w.plain] = true
			}
		}
	}
	strict := *qa
	strict.words = slices.Clone(qa.words)
	for i, w := range strict.words {
		if w.stem != "" && def.vocab[w.stem] == 0 && known[w.plain] {
			strict.words[i].stem = "" // a word of the reader's language
		}
	}
	cov, _, err := def.coverage(ctx, def.coverageWords(def.typedWhole(&strict), true), ids, arts)
	if err != nil {
		return 0, err
	}
	for _, c := range cov {
		best = max(best, c)
	}
	return best, nil
}
