package search

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/guichet/guichet/site"
	"github.com/guichet/guichet/site/textnorm"
)

// maxCorrectionTries bounds the corrected queries run for one search: the
// first, second and third candidate of each unknown word.
const maxCorrectionTries = 3

// correct returns the corrected query a search should run instead of the
// one typed, or nil. Corrections people trust:
//
//   - only words no article has are corrected (a word the content uses
//     is never "fixed" into another one), and not numbers, synonyms or
//     the parts of a compound the content writes joined;
//   - a correction is an indexed term one typo away (two for words of
//     twoEdits letters), where changing the first letter counts as two;
//   - a word of fewer than minCorrected letters is corrected only when the
//     query (text) finds nothing without corrections, here nor, in a
//     locale that falls back to it (see mixIn), in the default locale;
//   - every word of the corrected query must be indexed: when one unknown
//     word has no correction, there is none;
//   - the corrected query must find clearly better results than the query
//     typed: articles with every word of it (finding merely more articles,
//     each with some of the words, is not enough);
//   - across languages (across: li is the default locale, the query was
//     typed on another locale's page), a correction is one typo away,
//     never two: a word of the reader's language two letters from one
//     of the default language is its cousin, not a slip (Dutch
//     "notificaties" is no typo of Portuguese "notificações"), and a
//     word typed with a letter the default locale's articles never
//     write is a word of the reader's language, not corrected there
//     (Spanish "dirección" is no typo of English "direction"); so is
//     one typed without its accent, when it ends as words of the
//     reader's locale (across) end with an accent and as no word of the
//     default locale does ("direccion", as "suscripción" and
//     "facturación" end; see accentlessWord).
//
// The checks count matches without ranking them: cheap.
func (ix *Index) correct(ctx context.Context, li *localeIndex, qa *queryAnalysis, text string, across *localeIndex) (*queryAnalysis, error) {
	type fix struct {
		i     int
		cands []string
	}
	var fixes []fix
	short := false
	var foreign map[string]bool // across: the words typed with letters li never writes
	if across != nil {
		for _, t := range splitWords(text) {
			if w := text[t.start:t.end]; !li.writesLetters(w) || li.accentlessWord(across, w) {
				if foreign == nil {
					foreign = map[string]bool{}
				}
				foreign[textnorm.Fold(w)] = true
			}
		}
	}
	for i, w := range qa.words {
		if qa.understood(li, i) {
			continue
		}
		if foreign[w.plain] {
			return nil, nil // a word of another language
		}
		if utf8.RuneCountInString(w.plain) < 4 {
			return nil, nil // too short to tell a typo from another word
		}
		short = short || w.short
		cands := w.typos
		if len(cands) == 0 && w.fuzz > 1 && across == nil {
			c, err := li.closest(w.stem, w.fuzz)
			if err != nil {
				return nil, err
			}
			if c != "" {
				cands = []string{c}
			}
		}
		if len(cands) == 0 {
			return nil, nil // every word of a correction must be indexed
		}
		fixes = append(fixes, fix{i, cands})
	}
	if len(fixes) == 0 {
		return nil, nil
	}
	if short && !qa.shortTypos {
		// A short unknown word is corrected only when nothing matches
		// without corrections, here or in the default locale ("card" on
		// the French site is an English word, not a typo of "carte").
		n, err := li.count(ctx, &queryAnalysis{words: exactWords(qa.words), spans: qa.spans, compounds: qa.compounds}, passAny)
		if def := ix.locales[ix.defaultLocale]; err == nil && n == 0 && def != nil && def != li {
			n, err = def.count(ctx, def.analyzeTypos(ctx, text, false, false), passAny)
		}
		if err != nil || n > 0 {
			return nil, err
		}
	}
	// The candidates are tried in order, likeliest typo first (see
	// findTypos), until the corrected query has articles with every word:
	// the words around a typo tell which word was meant.
	for try := 0; try < maxCorrectionTries; try++ {
		fq := &queryAnalysis{words: exactWords(qa.words), shortTypos: true}
		more := false
		for _, f := range fixes {
			c := f.cands[min(try, len(f.cands)-1)]
			more = more || try+1 < len(f.cands)
			fq.words[f.i] = word{plain: qa.words[f.i].plain, stem: c, corrected: true}
		}
		fq.spans = li.synonymSpans(fq.words, false)
		fq.compounds = qa.compounds
		n, err := li.count(ctx, fq, passAll)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			return fq, nil
		}
		if !more {
			break
		}
	}
	return nil, nil
}

// exactWords returns a copy of words without their corrections: matched as
// typed.
func exactWords(words []word) []word {
	out := append([]word(nil), words...)
	for i := range out {
		out[i].typos, out[i].fuzz = nil, 0
	}
	return out
}

// count returns how many articles a pass of the query matches.
func (li *localeIndex) count(ctx context.Context, qa *queryAnalysis, mode passMode) (int, error) {
	cl := li.clauses(qa, true)
	if len(cl) == 0 {
		return 0, nil
	}
	q := li.passQuery(&queryAnalysis{words: qa.words, noPhrases: true}, cl, pass{true, mode})
	if q == nil {
		q = li.passQuery(&queryAnalysis{words: qa.words, noPhrases: true}, cl, pass{true, passAll})
	}
	sr, err := li.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false))
	if err != nil {
		return 0, err
	}
	return int(sr.Total), nil
}

// correctedBy returns the corrected query as the customer should read it:
// each corrected word as the article top(i) writes it, each other word as
// typed (accents and case of the query kept); a word typed with a slip
// the stemmer forgave ("cancell") as its article writes it too, so the
// corrected query never keeps a typo. The corrections of several words
// may come from several articles (plausible, forgivenAll).
func (li *localeIndex) correctedBy(text string, fq *queryAnalysis, top func(i int) *site.Article) string {
	typed := map[string]string{} // folded word → as typed
	for _, t := range splitWords(text) {
		w := text[t.start:t.end]
		if f := textnorm.Fold(w); typed[f] == "" {
			typed[f] = strings.ToLower(textnorm.Normalize(w))
		}
	}
	inTop := map[*site.Article]map[string]bool{}
	parts := make([]string, len(fq.words))
	for i, w := range fq.words {
		a := top(i)
		if inTop[a] == nil {
			inTop[a] = li.articleWords(a)
		}
		switch {
		case w.corrected:
			parts[i] = li.surface(a, w.stem, "", w.plain)
		case w.joinNext:
			// The first part of a compound typed whole, as typed.
			parts[i] = w.plain
		case w.stem != "" && !inTop[a][w.plain]:
			// Known stem, but the word as typed is not the article's.
			parts[i] = li.surface(a, w.stem, w.plain, w.plain)
		}
		if parts[i] == "" {
			if t := typed[w.plain]; t != "" {
				parts[i] = t
			} else {
				parts[i] = w.plain
			}
		}
	}
	hyphens := typedHyphens(text)
	var b strings.Builder
	for i, p := range parts {
		switch {
		case i == 0:
		case fq.words[i-1].joinNext:
			// A compound typed whole stays one word.
			b.WriteString(fq.words[i-1].link)
		default:
			b.WriteString(li.compoundLink(fq, parts, i, top, hyphens))
		}
		b.WriteString(p)
	}
	return b.String()
}

// compoundLink returns what is written between the corrected query's
// words i-1 and i (parts, as correctedBy writes them): the hyphen of the
// compound the article of the corrected word writes with them ("e-ticket"
// for "e tiket" or "e-tiket", never "e ticket"), else the hyphen typed
// between them, else a space. The article's spelling is taken only when
// one of the two is a correction: words typed right stay as typed.
func (li *localeIndex) compoundLink(fq *queryAnalysis, parts []string, i int, top func(i int) *site.Article, hyphens map[[2]string]string) string {
	a, b := fq.words[i-1], fq.words[i]
	if a.corrected || b.corrected {
		by := i
		if a.corrected && !b.corrected {
			by = i - 1
		}
		if h := hyphenIn(top(by), textnorm.Fold(parts[i-1]), textnorm.Fold(parts[i])); h != "" {
			return h
		}
	}
	if h := hyphens[[2]string{a.plain, b.plain}]; h != "" {
		return h
	}
	return " "
}

// typedHyphens returns the hyphens typed inside words of text, by the
// folded parts they join ("e-tiket": {"e", "tiket"} → "-").
func typedHyphens(text string) map[[2]string]string {
	var out map[[2]string]string
	for _, t := range splitWords(text) {
		w := text[t.start:t.end]
		prev, hyphen, at := "", "", 0
		for k, r := range w + " " {
			if k < len(w) && !isHyphen(r) {
				continue
			}
			part := textnorm.Fold(w[at:k])
			if prev != "" && part != "" {
				if out == nil {
					out = map[[2]string]string{}
				}
				out[[2]string{prev, part}] = hyphen
			}
			prev, hyphen, at = part, string(r), k+utf8.RuneLen(r)
		}
	}
	return out
}

// hyphenIn returns the hyphen a writes between the words x and y (folded)
// of one of its compounds ("e-ticket"), "" when a writes none.
func hyphenIn(a *site.Article, x, y string) string {
	if a == nil {
		return ""
	}
	for _, s := range []string{a.Title, a.Description, strings.Join(a.Keywords, " "), a.Text} {
		for _, t := range splitWords(s) {
			w := s[t.start:t.end]
			prev, at := "", 0
			for k, r := range w + " " {
				if k < len(w) && !isHyphen(r) {
					continue
				}
				part := textnorm.Fold(w[at:k])
				if prev == x && part == y && at > 0 {
					h, _ := utf8.DecodeLastRuneInString(w[:at])
					return string(h)
				}
				prev, at = part, k+utf8.RuneLen(r)
			}
		}
	}
	return ""
}

// plausible reports whether each corrected word of fq is written, in one
// of the first articles the correction ranks (plausibleHits), within two
// typos of the word typed, and returns, for each corrected word (by its
// index in fq.words), the first of those articles that writes it: the one
// the corrected query shows it as written (the first result may have only
// the words typed right: "refund pasword" showed "refund pasword", its
// refund article not writing "password"). A correction is a typo's: when the stemmer
// made it — a variant of the word typed that shares only its stem with
// another word ("récupération" with a letter left out stems as "reçu"
// does) — no article writes anything near what was typed, and the query
// is taken as typed rather than shown as "did you mean reçu".
func (li *localeIndex) plausible(fq *queryAnalysis, r *ranking) (map[int]*site.Article, bool) {
	by := map[int]*site.Article{}
	for i, w := range fq.words {
		if !w.corrected {
			continue
		}
		for _, h := range r.hits[:min(len(r.hits), plausibleHits)] {
			if li.surface(h.a, w.stem, w.plain, w.plain) != "" {
				by[i] = h.a
				break
			}
		}
		if by[i] == nil {
			return nil, false
		}
	}
	return by, true
}

// plausibleHits is how many of a correction's first articles are read for
// the corrected words (see plausible).
const plausibleHits = 3

// articleWords returns the folded words of an article's title,
// description and text.
func (li *localeIndex) articleWords(a *site.Article) map[string]bool {
	out := map[string]bool{}
	if a == nil {
		return out
	}
	for _, s := range []string{a.Title, a.Description, strings.Join(a.Keywords, " "), a.Text} {
		for _, t := range splitWords(s) {
			out[textnorm.Fold(s[t.start:t.end])] = true
		}
	}
	return out
}

// surface returns how the article writes a word whose analysed term is
// term, lower-cased, from its title, description, keywords or text. With
// near set, the first such word within two typos of near (so a correctly
// typed form is never replaced by another form of the word); without it
// (a correction), the form nearest to typed, the first of the nearest
// ("casqe" is "casque", not the title's "casques"). typed is the word as
// typed: where the stemmer took its beginning away, the article writes
// it with its beginning too (Arabic's article: "الفواتير" → "فواتير"). ""
// when there is none.
func (li *localeIndex) surface(a *site.Article, term, near, typed string) string {
	if a == nil {
		return ""
	}
	m := li.newMatcher(&queryAnalysis{words: []word{{stem: term, plain: typed}}})
	best, bestD := "", surfaceFar+1
	for _, s := range []string{a.Title, a.Description, strings.Join(a.Keywords, " "), a.Text} {
		for _, t := range splitWords(s) {
			// A compound or elision is not one word to put back, but its
			// parts are: the content may write the word meant only inside
			// one ("premises" only in "on-premises").
			for _, w := range strings.FieldsFunc(s[t.start:t.end], isJoiner) {
				if _, k := m.match(w); k == markNone {
					continue
				}
				lw := strings.ToLower(w)
				switch {
				case near != "":
					if typoDistance(near, textnorm.Fold(lw), 2) <= 2 {
						return lw
					}
				case best == "":
					best, bestD = lw, typoDistance(typed, textnorm.Fold(lw), surfaceFar)
				default:
					if d := typoDistance(typed, textnorm.Fold(lw), surfaceFar); d < bestD {
						best, bestD = lw, d
					}
				}
			}
		}
	}
	return best
}

// surfaceFar is how far (in typos) surface looks for the form of a
// corrected word nearest to what was typed; farther ones tie.
const surfaceFar = 4

// isJoiner reports whether r joins the parts of a compound or an elision
// inside one word as splitWords cuts them.
func isJoiner(r rune) bool {
	return r == '\'' || r == '’' || isHyphen(r)
}

// closest returns the indexed term within f typos of stem (the first
// letter kept) that is the nearest and, among the nearest, the most
// frequent; "" when none. Answers are remembered (li.nearest).
func (li *localeIndex) closest(stem string, f int) (string, error) {
	key := strconv.Itoa(f) + " " + stem
	if v, ok := li.nearest.get(key); ok {
		return v, nil
	}
	best, err := li.findClosest(stem, f)
	if err == nil && utf8.RuneCountInString(stem) <= maxVariantWord {
		// Long words are not remembered, as in typoCandidates.
		li.nearest.put(key, best, maxTypoCache)
	}
	return best, err
}

// findClosest computes closest.
func (li *localeIndex) findClosest(stem string, f int) (string, error) {
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
	first, _ := utf8.DecodeRuneInString(stem)
	best, bestD, bestN := "", f+1, 0
	for _, field := range contentFields() {
		d, err := fr.FieldDictFuzzy(field, stem, f, string(first))
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
			if !li.counts.has(field, e.Term) {
				continue // only in deleted documents (see live.go)
			}
			dist := typoDistance(stem, e.Term, f)
			n := li.vocab[e.Term]
			if dist <= f && (dist < bestD || dist == bestD && (n > bestN || n == bestN && e.Term < best)) {
				best, bestD, bestN = e.Term, dist, n
			}
		}
		d.Close()
	}
	return best, nil
}

// forgivenAll returns the query as the articles listed for it read it
// when one of them has a word only through the corrections of a word
// typed that no article has (typo tolerance), as corrected writes a
// corrected query, the query analysed in li (qa): each word corrected as
// the first of them that has it only through its corrections writes it,
// so that every
// correction the results were found through is said, not only the first
// result's ("refnud opneing" listed the opening hours first and the
// refund articles after, and said only "refnud opening"). "" when none
// has a word only through its corrections.
func (li *localeIndex) forgivenAll(text string, qa *queryAnalysis, arts []*site.Article) string {
	var fq *queryAnalysis
	from := map[int]*site.Article{}
	for _, a := range arts {
		f := li.forgivenWords(qa, a)
		if f == nil {
			continue
		}
		if fq == nil {
			fq = f
		}
		for i, w := range f.words {
			if _, done := from[i]; w.corrected && !done {
				fq.words[i], from[i] = w, a
			}
		}
	}
	if fq == nil {
		return ""
	}
	return li.correctedBy(text, fq, func(i int) *site.Article {
		if a := from[i]; a != nil {
			return a
		}
		return arts[0]
	})
}

// forgivenWords is the query forgiven reads for a: its words as typed
// but those a has only through a correction, nil when there are none.
func (li *localeIndex) forgivenWords(qa *queryAnalysis, a *site.Article) *queryAnalysis {
	if qa == nil || a == nil {
		return nil
	}
	words := a.Title + "\n" + a.Description + "\n" + strings.Join(a.Keywords, "\n") + "\n" + a.Text
	var has map[string]bool
	fq := &queryAnalysis{words: exactWords(qa.words)}
	found := false
	for i, w := range qa.words {
		cands := w.typos
		if len(cands) == 0 && w.fuzz > 1 && w.unknown {
			if c, err := li.closest(w.stem, w.fuzz); err == nil && c != "" {
				cands = []string{c} // two typos away, as correct reads it
			}
		}
		if !w.unknown || len(cands) == 0 || w.short && !qa.shortTypos || qa.joinedWord(i) {
			continue
		}
		if has == nil {
			has = map[string]bool{}
			for _, t := range li.an.text.Analyze([]byte(words)) {
				has[string(t.Term)] = true
			}
		}
		if has[w.stem] {
			continue
		}
		for _, t := range cands {
			// As a correction is (plausible): the article writes the
			// word within two typos of what was typed, not merely a
			// word the stemmer reads alike ("reçu" for "récupération").
			if has[t] && li.surface(a, t, w.plain, w.plain) != "" {
				fq.words[i] = word{plain: w.plain, stem: t, corrected: true}
				found = true
				break
			}
		}
	}
	if !found {
		return nil
	}
	return fq
}
