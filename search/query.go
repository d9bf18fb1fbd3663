package search

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// Bounds on the work done for one query, whatever its length: the words
// searched, the words given typo tolerance, and the length of a word whose
// one-typo variants are generated.
const (
	// rareDocs: a query word found in fewer documents than this may be a
	// typo that made it into the content, so words one typo away are
	// searched too (ranked below the exact matches).
	rareDocs = 3
	// minRareTypo: a rare word shorter than this is taken as meant (short
	// words have too many neighbours one typo away).
	minRareTypo    = 6
	maxWords       = 24
	maxFuzzyWords  = 6
	maxVariantWord = 24
)

// word is one word of a query.
type word struct {
	plain string // folded, lower-cased, as typed: matched against autocomplete prefixes
	stem  string // analysed term; "" for a stop word
	fuzz  int    // edit distance tolerated: 0 when stem is a common term
	// unknown: stem is in no article, so its corrections weigh nearly as
	// much as an exact match would.
	unknown bool
	// typos are the indexed terms of the words one typo away from this
	// one, when it is not in the vocabulary.
	typos []string
}

// synSpan is a run of query words equal to an entry of a synonym group.
type synSpan struct {
	n    int        // words covered, stop words included
	alts [][]string // the other entries of the group, as terms
}

// queryAnalysis is a query cut into words, ready to become a bleve query.
type queryAnalysis struct {
	words   []word
	prefix  bool // the last word is being typed (Suggest)
	suggest bool // autocomplete: cheaper queries
	// noPhrases leaves out the keyword-phrase clause (ticket linking
	// ranks candidates itself).
	noPhrases bool
	spans     map[int]*synSpan // by index of the span's first word
}

// analyze cuts text into words with the locale's analyzers. The plain
// analyzer keeps every word; the text analyzer gives the stemmed term of the
// word at the same position, or none for a stop word.
func (li *localeIndex) analyze(text string, suggest bool) *queryAnalysis {
	return li.analyzeTypos(text, suggest, true)
}

// analyzeTypos is analyze, looking up the words one typo away from unknown
// words only when typos is set.
func (li *localeIndex) analyzeTypos(text string, suggest, typos bool) *queryAnalysis {
	stems := map[int]string{}
	for _, t := range li.an.text.Analyze([]byte(text)) {
		stems[t.Position] = string(t.Term)
	}
	qa := &queryAnalysis{suggest: suggest}
	for _, t := range li.an.plain.Analyze([]byte(text)) {
		w := word{plain: string(t.Term), stem: stems[t.Position]}
		// Numbers (order, account, error codes) are taken as typed: a
		// number one edit away is another number, not a typo.
		if n := li.vocab[w.stem]; w.stem != "" && !hasDigit(w.plain) && (n == 0 || n < rareDocs && utf8.RuneCountInString(w.plain) >= minRareTypo) {
			w.fuzz = fuzziness(w.plain, w.stem)
			w.unknown = n == 0
		}
		qa.words = append(qa.words, w)
	}
	if len(qa.words) > maxWords {
		qa.words = qa.words[len(qa.words)-maxWords:]
	}
	if suggest && len(qa.words) > 0 {
		r, _ := utf8.DecodeLastRuneInString(text)
		qa.prefix = unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	fuzzy := 0
	for i := range qa.words {
		w := &qa.words[i]
		if w.fuzz == 0 {
			continue
		}
		if fuzzy++; fuzzy > maxFuzzyWords {
			w.fuzz = 0 // bound the cost of a query full of unknown words
			continue
		}
		if typos && !(qa.prefix && i == len(qa.words)-1) {
			w.typos = li.typoCandidates(w.plain, w.stem)
			if len(w.typos) > 0 {
				// A word one typo away exists: do not look two away.
				w.fuzz = 1
			}
		}
	}
	qa.spans = li.synonymSpans(qa.words, qa.prefix)
	return qa
}

// fuzziness is the edit distance tolerated for a word missing from the
// vocabulary: one typo from 4 letters, two from 8. Words one typo away are
// found by editing the word as typed (typoCandidates), whatever the length
// of its stem; two edits are searched on the stem, so only when the stem
// keeps at least minFuzzyStem letters (shorter, nearly anything is two
// edits away).
func fuzziness(plain, stem string) int {
	n, s := utf8.RuneCountInString(plain), utf8.RuneCountInString(stem)
	switch {
	case n >= 8 && s >= minFuzzyStem:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

// minFuzzyStem is the shortest stem searched with two edits.
const minFuzzyStem = 6

// maxTypoCandidates bounds the corrections searched for one word.
const maxTypoCandidates = 8

// typoCandidates returns the indexed terms (other than stem, the word's
// own) of the words at Damerau-Levenshtein distance 1 from plain, most
// frequent first. Editing
// the word before stemming it is what makes a typo in a suffix forgivable
// ("reimbursemnt" → "reimbursement" → "reimburs"); a fuzzy query on the
// stem alone would miss it. All variants are analysed in one pass.
func (li *localeIndex) typoCandidates(plain, stem string) []string {
	if v, ok := li.typos.Load(plain); ok {
		return v.([]string)
	}
	out := li.findTypos(plain, stem)
	if li.typoCount.Add(1) <= maxTypoCache {
		li.typos.Store(plain, out)
	}
	return out
}

// maxTypoCache bounds the words whose corrections are remembered.
const maxTypoCache = 100000

// findTypos computes typoCandidates.
func (li *localeIndex) findTypos(plain, stem string) []string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	rs := []rune(plain)
	if len(rs) > maxVariantWord {
		return nil
	}
	var b strings.Builder
	b.Grow((2*len(rs) + 1) * len(letters) * (len(rs) + 2))
	emit := func(parts ...[]rune) {
		for _, p := range parts {
			b.WriteString(string(p))
		}
		b.WriteByte(' ')
	}
	for i := range rs {
		emit(rs[:i], rs[i+1:]) // deletion
		if i+1 < len(rs) && rs[i] != rs[i+1] {
			emit(rs[:i], []rune{rs[i+1], rs[i]}, rs[i+2:]) // transposition
		}
		for _, c := range letters {
			if c != rs[i] {
				emit(rs[:i], []rune{c}, rs[i+1:]) // substitution
			}
		}
	}
	for i := 0; i <= len(rs); i++ {
		for _, c := range letters {
			emit(rs[:i], []rune{c}, rs[i:]) // insertion
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, t := range li.an.text.Analyze([]byte(b.String())) {
		if term := string(t.Term); !seen[term] && term != stem && li.vocab[term] > 0 {
			seen[term] = true
			out = append(out, term)
		}
	}
	slices.SortFunc(out, func(x, y string) int {
		if d := li.vocab[y] - li.vocab[x]; d != 0 {
			return d
		}
		return strings.Compare(x, y)
	})
	if len(out) > maxTypoCandidates {
		out = out[:maxTypoCandidates]
	}
	return out
}

// synEntry is one entry of a synonym group.
type synEntry struct {
	terms []string // analysed terms, stop words left out: what documents are searched for
	keys  []string // every word: its term, or "=" and the word for a stop word
}

// wordKey is what a query word must equal to match a word of a synonym
// entry. Stop words count, so that "sign in" is matched by "sign in" and
// not by every "sign".
func wordKey(w word) string {
	if w.stem != "" {
		return w.stem
	}
	return "=" + w.plain
}

// newSynEntry analyses a synonym entry.
func (li *localeIndex) newSynEntry(s string) synEntry { return analyzeSynEntry(li.an, s) }

// analyzeSynEntry analyses a synonym entry with a locale's analyzers.
func analyzeSynEntry(an analyzers, s string) synEntry {
	stems := map[int]string{}
	var e synEntry
	for _, t := range an.text.Analyze([]byte(s)) {
		stems[t.Position] = string(t.Term)
		e.terms = append(e.terms, string(t.Term))
	}
	for _, t := range an.plain.Analyze([]byte(s)) {
		e.keys = append(e.keys, wordKey(word{plain: string(t.Term), stem: stems[t.Position]}))
	}
	return e
}

// synonymSpans finds the runs of query words equal to a synonym entry. The
// word being typed counts too: when it is already a whole word ("gst"),
// its synonyms are found while the prefix still matches longer words.
func (li *localeIndex) synonymSpans(words []word, prefix bool) map[int]*synSpan {
	if len(li.synonyms) == 0 {
		return nil
	}
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = wordKey(w)
	}
	spans := map[int]*synSpan{}
	for _, group := range li.synonyms {
		for ei, entry := range group {
			n := len(entry.keys)
			for first := 0; first+n <= len(words); first++ {
				if words[first].stem == "" || !slices.Equal(keys[first:first+n], entry.keys) {
					continue
				}
				if old := spans[first]; old != nil && old.n > n {
					continue
				}
				sp := &synSpan{n: n}
				for oi, other := range group {
					if oi != ei && len(other.terms) > 0 && !slices.Equal(other.terms, entry.terms) {
						sp.alts = append(sp.alts, other.terms)
					}
				}
				if len(sp.alts) > 0 {
					spans[first] = sp
				}
			}
		}
	}
	return spans
}

// matcher tells which words of an article text match the query, for
// highlighting: by analysed term, so stemmed and folded forms match too.
// Analysing every word of every hit would cost more than the search
// itself, so words are first screened by their first two letters (stemming
// and elision leave those alone) and the survivors analysed once each.
type matcher struct {
	li     *localeIndex
	exact  map[string]bool
	fuzzy  []word // words tolerating two edits of their stem
	prefix string // the word being typed, plain
	heads  map[string]bool
	screen bool              // heads is usable
	terms  map[string]string // word → analysed term, a cache
}

func (li *localeIndex) newMatcher(qa *queryAnalysis) *matcher {
	m := &matcher{li: li, exact: map[string]bool{}, heads: map[string]bool{}, screen: true, terms: map[string]string{}}
	for i, w := range qa.words {
		if qa.prefix && i == len(qa.words)-1 {
			m.prefix = w.plain
		}
		if w.stem == "" {
			continue
		}
		m.exact[w.stem] = true
		for _, t := range w.typos {
			m.exact[t] = true
		}
		if w.fuzz > 1 {
			m.fuzzy = append(m.fuzzy, w)
			m.screen = false
		}
	}
	for _, sp := range qa.spans {
		for _, alt := range sp.alts {
			for _, t := range alt {
				m.exact[t] = true
			}
		}
	}
	for t := range m.exact {
		h := head(t)
		if utf8.RuneCountInString(h) < 2 {
			m.screen = false
		}
		m.heads[h] = true
	}
	return m
}

// head returns the first two letters of a word, folded and lower-cased,
// after an elided article ("l'opération" → "op").
func head(w string) string {
	if i := strings.IndexAny(w, "'’"); i > 0 && i <= 3 {
		_, n := utf8.DecodeRuneInString(w[i:])
		w = w[i+n:]
	}
	n := 0
	for i := range w {
		if n == 2 {
			w = w[:i]
			break
		}
		n++
	}
	return strings.ToLower(textnorm.Fold(w))
}

// match reports whether the word w of a text matches the query; key is
// its matched term, to count distinct matches.
func (m *matcher) match(w string) (key string, ok bool) {
	if m.prefix != "" {
		if plain := strings.ToLower(textnorm.Fold(w)); strings.HasPrefix(plain, m.prefix) {
			return plain, true
		}
	}
	if m.screen && !m.heads[head(w)] {
		return "", false
	}
	term, seen := m.terms[w]
	if !seen {
		if toks := m.li.an.text.Analyze([]byte(w)); len(toks) > 0 {
			term = string(toks[0].Term)
		}
		m.terms[w] = term
	}
	if term == "" {
		return "", false
	}
	if m.exact[term] {
		return term, true
	}
	for _, fw := range m.fuzzy {
		if abs(len(term)-len(fw.stem)) <= fw.fuzz && site.EditDistance(term, fw.stem, fw.fuzz) <= fw.fuzz {
			return term, true
		}
	}
	return "", false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// didYouMean proposes a corrected query when words of the query are not in
// the vocabulary but close terms are, and the corrected query finds at
// least as many articles as the query did (and some). The correction uses
// the surface form of the term as written in the best matching article.
func (li *localeIndex) didYouMean(ctx context.Context, qa *queryAnalysis, total int) (string, error) {
	words := slices.Clone(qa.words)
	// A word in a synonym span is understood: "gst" is no typo of "get".
	synonym := map[int]bool{}
	for i, sp := range qa.spans {
		for j := i; j < i+sp.n; j++ {
			synonym[j] = true
		}
	}
	var fixed []int
	for i, w := range words {
		if w.stem == "" || li.vocab[w.stem] > 0 || synonym[i] || utf8.RuneCountInString(w.stem) < 3 {
			continue
		}
		best := ""
		if len(w.typos) > 0 {
			best = w.typos[0]
		} else {
			var err error
			if best, err = li.closest(w.stem, max(w.fuzz, 1)); err != nil {
				return "", err
			}
		}
		if best != "" {
			words[i].stem, words[i].fuzz, words[i].typos = best, 0, nil
			fixed = append(fixed, i)
		}
	}
	if len(fixed) == 0 {
		return "", nil
	}
	fq := &queryAnalysis{words: words, spans: li.synonymSpans(words, false)}
	q, _ := li.buildQuery(fq, true, false)
	if q == nil {
		return "", nil
	}
	sr, err := li.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 1, 0, false))
	if err != nil {
		return "", err
	}
	if sr.Total == 0 || int(sr.Total) < total || len(sr.Hits) == 0 {
		return "", nil
	}
	top := li.docs[atoi(sr.Hits[0].ID)]
	for _, i := range fixed {
		words[i].plain = li.surface(top, words[i].stem)
	}
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = w.plain
	}
	return strings.Join(parts, " "), nil
}

// closest returns the indexed term within distance f of stem that is the
// nearest and, among the nearest, the most frequent; "" when none.
func (li *localeIndex) closest(stem string, f int) (string, error) {
	adv, err := li.idx.Advanced()
	if err != nil {
		return "", err
	}
	r, err := adv.Reader()
	if err != nil {
		return "", err
	}
	defer r.Close()
	fr, ok := r.(index.IndexReaderFuzzy)
	if !ok {
		return "", nil
	}
	best, bestD, bestN := "", f+1, 0
	for _, field := range contentFields() {
		d, err := fr.FieldDictFuzzy(field, stem, f, "")
		if err != nil {
			return "", err
		}
		for {
			e, err := d.Next()
			if err != nil {
				d.Close()
				return "", err
			}
			if e == nil {
				break
			}
			dist := site.EditDistance(stem, e.Term, f)
			n := li.vocab[e.Term]
			if dist < bestD || dist == bestD && (n > bestN || n == bestN && e.Term < best) {
				best, bestD, bestN = e.Term, dist, n
			}
		}
		d.Close()
	}
	return best, nil
}

// surface returns how the term appears in the article (lower-cased), or the
// term itself when it cannot be found.
func (li *localeIndex) surface(a *site.Article, term string) string {
	texts := []string{a.Title, a.Description, strings.Join(a.Keywords, " "), a.Text}
	m := li.newMatcher(&queryAnalysis{words: []word{{stem: term}}})
	for _, s := range texts {
		for _, t := range splitWords(s) {
			if _, ok := m.match(s[t.start:t.end]); ok {
				return strings.ToLower(s[t.start:t.end])
			}
		}
	}
	return term
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// hasDigit reports whether s holds a digit.
func hasDigit(s string) bool {
	return strings.ContainsFunc(s, unicode.IsDigit)
}
