package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/i18n"
	"github.com/guichet/guichet/site/textnorm"
)

// markKind says why a word of a text is highlighted.
type markKind uint8

const (
	markNone markKind = iota
	// markCorrection: a correction of a word typed (typo tolerance, or
	// the corrected query of "did you mean").
	markCorrection
	// markSynonym: a synonym of a word typed (synonyms.yaml, keywords).
	markSynonym
	// markTyped: a word the customer typed, in any of its forms (stem,
	// accents, case, hyphenated or joined spelling, the prefix being
	// typed). Ranks above the others.
	markTyped
)

// tag is the opening tag of a mark of this kind; every kind closes with
// "</mark>".
func (k markKind) tag() string {
	switch k {
	case markSynonym:
		return `<mark class="synonym">`
	case markCorrection:
		return `<mark class="correction">`
	}
	return "<mark>"
}

// matcher tells which words of an article text match the query, for
// highlighting: by analysed term, so stemmed and folded forms match too.
// Analysing every word of every hit would cost more than the search
// itself, so words are first screened by their first two letters (stemming
// and elision leave those alone) and the survivors analysed once each.
type matcher struct {
	li     *localeIndex
	terms  map[string]markKind // analysed term → kind
	fuzzy  []word              // words tolerating two edits of their stem
	prefix []string            // the word being typed, and its compound joined so far
	// prefixTypos: prefixes one typo away from the word being typed,
	// marked as corrections.
	prefixTypos []string
	heads       map[string]bool
	screen      bool // heads is usable
	cache       map[string]matched
	// phrases are the synonym entries of several words (their terms),
	// and phraseOnly the terms only they mark: such a term is marked
	// where the text writes its entry's words in a row (see inPhrases).
	phrases    [][]string
	phraseOnly map[string]bool
	// ideoRuns are the query's words written in ideographs or kana, as
	// typed ("除石灰"): the analysis reads them as pairs of signs.
	ideoRuns map[string]bool
}

// matched is the outcome of match for one word.
type matched struct {
	key  string
	kind markKind
}

func (li *localeIndex) newMatcher(qa *queryAnalysis) *matcher {
	m := &matcher{li: li, terms: map[string]markKind{}, heads: map[string]bool{}, screen: true, cache: map[string]matched{}}
	add := func(t string, k markKind) {
		if t != "" && k > m.terms[t] {
			m.terms[t] = k
		}
	}
	for i, w := range qa.words {
		if qa.prefix && i == len(qa.words)-1 {
			m.prefix = append(m.prefix, w.plain)
			m.prefixTypos = w.prefixTypos
		}
		if w.stem == "" || qa.joinedWord(i) {
			continue
		}
		if w.corrected {
			add(w.stem, markCorrection)
		} else {
			add(w.stem, markTyped)
		}
		if beginningStripped(w.plain, w.stem) {
			// The stemmer took the word's beginning away (Arabic's
			// article: "المرور" → "مرور"): the text writes it with
			// its beginning too, as typed.
			m.heads[head(w.plain)] = true
		}
		for _, t := range w.forms {
			add(t, markTyped)
		}
		if w.short && !qa.shortTypos {
			continue
		}
		for _, t := range w.typos {
			add(t, markCorrection)
		}
		if w.fuzz > 1 {
			m.fuzzy = append(m.fuzzy, w)
			m.screen = false
		}
	}
	m.ideoRuns = ideographicRuns(qa.words)
	for first, c := range qa.compounds {
		if qa.prefix && first+c.n == len(qa.words) {
			m.prefix = append(m.prefix, c.plain)
			if c.number != "" {
				m.prefix = append(m.prefix, c.number)
			}
			m.prefixTypos = slices.Concat(m.prefixTypos, c.prefixTypos) // not appended: the memo owns them
			continue
		}
		add(c.stem, markTyped)
		add(c.number, markTyped)
		if w := c.word(); !(w.short && !qa.shortTypos) {
			for _, t := range w.typos {
				add(t, markCorrection)
			}
		}
	}
	for first, sp := range qa.spans {
		if qa.joinedAt(first) == sp.n {
			add(sp.joined, markTyped)
		}
		for _, alt := range sp.alts {
			if len(alt) > 1 {
				m.phrases = append(m.phrases, alt)
				continue
			}
			add(alt[0], markSynonym)
		}
	}
	for _, p := range m.phrases {
		for _, t := range p {
			if _, ok := m.terms[t]; !ok {
				if m.phraseOnly == nil {
					m.phraseOnly = map[string]bool{}
				}
				m.phraseOnly[t] = true
				m.terms[t] = markSynonym
			}
		}
	}
	for t := range m.terms {
		h := head(t)
		if utf8.RuneCountInString(h) < 2 {
			m.screen = false
		}
		m.heads[h] = true
	}
	// An irregular plural the text writes is its singular's term, though
	// it begins otherwise ("Mice" is "mouse", "feet" "foot", "men" "man"):
	// its words pass the screen too, for the analysis to judge.
	for _, h := range irregularHeads[i18n.Language(m.li.locale)] {
		if m.heads[h[0]] {
			m.heads[h[1]] = true
		}
	}
	for _, p := range slices.Concat(m.prefix, m.prefixTypos) {
		if utf8.RuneCountInString(p) < 2 {
			m.screen = false
		}
		m.heads[head(p)] = true
	}
	return m
}

// ideographicRuns joins the words of a query that the analysis cut into
// overlapping pairs of ideographs or kana ("除石", "石灰") back into the
// words typed ("除石灰"); a sign alone is a word too.
func ideographicRuns(words []word) map[string]bool {
	var runs map[string]bool
	cur, last := "", ""
	flush := func() {
		if cur != "" {
			if runs == nil {
				runs = map[string]bool{}
			}
			runs[cur] = true
		}
		cur, last = "", ""
	}
	for _, w := range words {
		if w.plain == "" || strings.ContainsFunc(w.plain, func(r rune) bool { return !ideographic(r) }) {
			flush()
			continue
		}
		first, n := utf8.DecodeRuneInString(w.plain)
		if cur != "" && last == string(first) && utf8.RuneCountInString(w.plain) == 2 {
			cur += w.plain[n:]
		} else {
			flush()
			cur = w.plain
		}
		r, _ := utf8.DecodeLastRuneInString(w.plain)
		last = string(r)
	}
	flush()
	return runs
}

// head returns the first two letters of a word, folded, after an elided
// article ("l'opération" → "op").
func head(w string) string {
	if i := strings.IndexAny(w, "'’"); i > 0 && i <= 3 {
		_, n := utf8.DecodeRuneInString(w[i:])
		w = w[i+n:]
	}
	if len(w) >= 2 && w[0] < utf8.RuneSelf && w[1] < utf8.RuneSelf {
		w = w[:2] // most words: Fold of two ASCII letters allocates nothing when lower case
	} else if n := headBytes(w); n < len(w) {
		w = w[:n]
	}
	w = textnorm.Fold(w)
	n := 0
	for i := range w {
		if n == 2 {
			return w[:i]
		}
		n++
	}
	return w
}

// headBytes returns the length in bytes of the first letters of w that
// fold to at least two letters: the first two runes and the marks after
// them.
func headBytes(w string) int {
	n := 0
	for i, r := range w {
		if n == 2 && !unicode.IsMark(r) && !textnorm.Invisible(r) {
			return i
		}
		if !unicode.IsMark(r) && !textnorm.Invisible(r) {
			n++
		}
	}
	return len(w)
}

// match reports whether the word w of a text matches the query, and how:
// key is its matched term, to count distinct matches. A hyphenated word
// ("Wi-Fi") matches by any of its parts or by the joined word.
func (m *matcher) match(w string) (key string, kind markKind) {
	if len(m.prefix) == 0 && m.screen && !m.passes(w) {
		return "", markNone // most words of a text: no allocation
	}
	if r, ok := m.cache[w]; ok {
		return r.key, r.kind
	}
	r := m.find(w)
	m.cache[w] = r
	return r.key, r.kind
}

// passes reports whether a part of w (split at hyphens), or the word
// joined ("E-203" as "e203": a part of one letter has no two), starts with
// the first two letters of a term of the query.
func (m *matcher) passes(w string) bool {
	if strings.ContainsFunc(w, ideographic) {
		// Written without spaces, a clause holds its words anywhere.
		for i, r := range w {
			if ideographic(r) && m.heads[head(w[i:])] {
				return true
			}
		}
	}
	if strings.IndexByte(w, '-') > 0 && m.heads[head(strings.ReplaceAll(w, "-", ""))] {
		return true
	}
	for w != "" {
		part := w
		if i := strings.IndexByte(w, '-'); i >= 0 {
			part, w = w[:i], w[i+1:]
		} else {
			w = ""
		}
		if m.heads[head(part)] {
			return true
		}
	}
	return false
}

func (m *matcher) find(w string) matched {
	if len(m.prefix) > 0 {
		folded := textnorm.Fold(w)
		for _, p := range m.prefix {
			if strings.HasPrefix(folded, p) || strings.HasPrefix(strings.ReplaceAll(folded, "-", ""), p) {
				return matched{folded, markTyped}
			}
		}
		for _, p := range m.prefixTypos {
			if strings.HasPrefix(folded, p) || strings.HasPrefix(strings.ReplaceAll(folded, "-", ""), p) {
				return matched{folded, markCorrection}
			}
		}
	}
	if m.screen && !m.passes(w) {
		return matched{}
	}
	best := matched{}
	for _, t := range m.li.an.text.Analyze([]byte(w)) {
		term := string(t.Term)
		k := m.terms[term]
		if k == markNone {
			for _, fw := range m.fuzzy {
				if abs(len(term)-len(fw.stem)) <= fw.fuzz && site.EditDistance(term, fw.stem, fw.fuzz) <= fw.fuzz {
					k = markCorrection
					break
				}
			}
		}
		// The joined word of a compound says most about what matched.
		if k > best.kind || k == best.kind && k != markNone && t.Type == analysis.Shingle {
			best = matched{term, k}
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// maxPhraseGap is the most stop words a text may write between two words
// of a synonym entry it writes ("deposit to your bank").
const maxPhraseGap = 2

// inPhrases clears, in keys (the matched term of each word of a text, ""
// for none), the words that only a synonym entry of several words marks
// where the text does not write that entry's words in a row, stop words
// between them allowed: a phrase synonym is the phrase, not its words
// ("mobile app" marked the "phone" of "check phone settings" as a
// synonym, through the entry "phone app"). word returns a word of the
// text. It reports whether it cleared any.
func (m *matcher) inPhrases(keys []string, word func(i int) string) bool {
	if len(m.phraseOnly) == 0 {
		return false
	}
	kept := map[int]bool{}
	for _, p := range m.phrases {
		for i := range keys {
			if keys[i] != p[0] {
				continue
			}
			at := []int{i}
			for j, k := i+1, 1; k < len(p) && j < len(keys); j++ {
				if keys[j] == p[k] {
					at, k = append(at, j), k+1
					continue
				}
				if j-at[len(at)-1] > maxPhraseGap || keys[j] != "" || !m.li.stopWord(textnorm.Fold(word(j))) {
					break
				}
			}
			if len(at) == len(p) {
				for _, j := range at {
					kept[j] = true
				}
			}
		}
	}
	cleared := false
	for i, k := range keys {
		if m.phraseOnly[k] && !kept[i] {
			keys[i], cleared = "", true
		}
	}
	return cleared
}
