package search

import (
	"bytes"
	"context"
	"slices"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/guichet/guichet/site"
)

// Error codes: a query that names one ("error E99", "erreur 1234",
// "0x80070005"; site.QueryCodes reads them, as the gap report does) is
// answered only by an article that holds it. Another code's article, or
// one about errors in general, has the query's other words and often
// half of what it says, but not what the visitor asks: its results are
// related articles (Weak). Numbers after other words ("refund order
// 4821", "invoice 2023") are no code and change nothing. A short code
// alone ("S23", "X86": site.ShortCode) is also the shape of a model's
// name: it names a code only where the content writes codes of its
// letters ("E99" where an article holds "E12"), so that "S23 battery"
// on a help center that names no S-codes is answered by the battery
// article.

// codeTerms returns the terms of the words of qa that name an error code
// (site.QueryCodes, short codes alone as li.writesCodes allows), nil
// when it names none.
func (qa *queryAnalysis) codeTerms(li *localeIndex) []string {
	if ws := qa.spacedCodesJoined(); len(ws) != len(qa.words) {
		// "AP-409", "E 12": one code each (see spacedCode).
		qa = &queryAnalysis{words: ws, prefix: qa.prefix}
	}
	var out []string
	for _, k := range qa.codes(li) {
		out = append(out, li.codeTerm(qa.words[k].stem))
	}
	return out
}

// codeTerm is the term of a code's stem: the code the articles write with
// a zero when they write it so and not as typed ("e7" is "e07": see
// paddedCode).
func (li *localeIndex) codeTerm(stem string) string {
	if p := paddedCode(li.vocab, stem); p != "" {
		return p
	}
	return stem
}

// codes returns the positions in qa.words of the words that name an
// error code and have a term (see codeTerms).
// A code typed with a space or a hyphen that spacedCodesJoined made one
// word ("AP-409") is one too.
func (qa *queryAnalysis) codes(li *localeIndex) []int {
	plains := qa.plains()
	named := site.QueryCodes(plains)
	var out []int
	for k, w := range qa.words {
		if !w.code && !slices.Contains(named, k) {
			continue
		}
		if !w.code && site.ShortCode(plains[k]) && !li.writesCodes(plains[k]) && !site.CodeAt(plains, k) {
			continue // a model's name, as far as the content tells
		}
		if w.stem != "" && !(qa.prefix && k == len(qa.words)-1) {
			out = append(out, k)
		}
	}
	return out
}

// plains returns the words of qa as typed, folded; a corrected word as
// its correction ("eror E99" corrected: the code word is "error").
func (qa *queryAnalysis) plains() []string {
	plains := make([]string, len(qa.words))
	for i, w := range qa.words {
		plains[i] = w.plain
		if w.corrected {
			plains[i] = w.stem
		}
	}
	return plains
}

// codeMarkers returns, for each word of qa that only announces the code
// next to it (the code words of "code E07", "err E07", "error code E07",
// "E07 code": site.CodeWord), the term of that code, when some article
// has it.
// An article holding the code says what the word asks, whether it writes
// the word or not: the word counts as present there (coverage), so that
// "code E07" is answered where "error E07" is, however the article
// introduces its codes.
func (qa *queryAnalysis) codeMarkers(li *localeIndex) map[int]string {
	out := map[int]string{}
	plains := qa.plains()
	marker := func(i int) bool {
		return i >= 0 && i < len(plains) && site.CodeWord(plains[i]) && qa.words[i].stem != ""
	}
	for _, k := range qa.codes(li) {
		t := li.codeTerm(qa.words[k].stem)
		if li.vocab[t] == 0 {
			continue
		}
		for i := k - 1; marker(i); i-- {
			out[i] = t
		}
		for i := k + 1; marker(i); i++ {
			out[i] = t
		}
	}
	return out
}

// announcesCode reports whether word i of qa is a code word (site.CodeWord)
// next to a word of letters and digits, typed or being typed, or a code
// typed with a space ("code E 7"), other code words between them ("code
// E07", "err E4" while E4 is typed, "error code E07", "E07 code"): it says
// a code follows, which the articles holding
// the code may not write, so in autocomplete it only ranks the matches of
// the code and never narrows them ("code E07" suggested nothing on a help
// center writing "Error E07").
func (qa *queryAnalysis) announcesCode(i int) bool {
	plains := qa.plains()
	return nextToCode(plains, i, func(j int) bool { return site.CodeLike(plains[j]) || qa.inCode(j) })
}

// nextToCode reports whether plains[i] is a code word (site.CodeWord)
// next to a word code says is a code, other code words between them.
func nextToCode(plains []string, i int, code func(j int) bool) bool {
	if !site.CodeWord(plains[i]) {
		return false
	}
	for _, step := range []int{-1, 1} {
		j := i + step
		for j >= 0 && j < len(plains) && site.CodeWord(plains[j]) {
			j += step
		}
		if j >= 0 && j < len(plains) && code(j) {
			return true
		}
	}
	return false
}

// inCode reports whether word i of qa is part of a code typed with a
// space that joinPairs read as the code the articles write ("e 7").
func (qa *queryAnalysis) inCode(i int) bool {
	for first, c := range qa.compounds {
		if i >= first && i < first+c.n && c.n == 2 && site.CodeLike(c.stem) {
			// The code's letters are the first word ("version 4" is
			// "v4", a version: versionPairs).
			if letters, _, ok := codeParts(c.stem); ok && letters == len(qa.words[first].plain) {
				return true
			}
		}
	}
	return false
}

// spacedCodesJoined returns the words of qa with each code typed with a
// space or a hyphen that joinPairs read as one code (spacedCode: "E 12",
// "e 7" for the "E07" the articles write, "AP-409" no article writes) as
// one word of that code, marked as a code, as search reads it (inCode);
// qa.words when there is none.
// A number a code word announces ("ERR-2041", "err 2041") already names
// its code as site.QueryCodes reads it, and stays as it is.
func (qa *queryAnalysis) spacedCodesJoined() []word {
	return qa.pairsJoined(qa.spacedCode)
}

// spacedCode reports whether the compound c at i is a code typed with a
// space or a hyphen (spacedCodesJoined): join it, as a code.
func (qa *queryAnalysis) spacedCode(i int, c *compound) (join, code bool) {
	ok := qa.inCode(i) && (site.CodeShaped(c.stem) || !site.CodeAt(qa.plains(), i+1))
	return ok, ok
}

// pairsJoined returns the words of qa with each compound of two words
// that join accepts (its first word's position, the compound) as one word,
// its stem, marked as a code when join says so; qa.words when it accepts
// none. Linking reads codes typed with a space (spacedCode) and names
// tied by a full stop ("H.265") this way.
func (qa *queryAnalysis) pairsJoined(join func(i int, c *compound) (join, code bool)) []word {
	var out []word
	for i := 0; i < len(qa.words); i++ {
		c := qa.compounds[i]
		ok, code := false, false
		if c != nil && c.n == 2 {
			ok, code = join(i, c)
		}
		if !ok {
			if out != nil {
				out = append(out, qa.words[i])
			}
			continue
		}
		if out == nil {
			out = append(make([]word, 0, len(qa.words)), qa.words[:i]...)
		}
		out = append(out, word{plain: c.stem, stem: c.stem, code: code})
		i++
	}
	if out == nil {
		return qa.words
	}
	return out
}

// holdsCodes reports whether the article of hit h holds every error code
// its query names (codeTerms), in any field; true when it names none.
func holdsCodes(ctx context.Context, h ranked) (bool, error) {
	terms := h.qa.codeTerms(h.li)
	if len(terms) == 0 {
		return true, nil
	}
	li := h.li
	for _, t := range terms {
		if li.vocab[t] == 0 {
			return false, nil // in no article
		}
	}
	adv, err := li.idx.Advanced()
	if err != nil {
		return false, err
	}
	r, err := adv.Reader()
	if err != nil {
		return false, err
	}
	defer r.Close()
	// h.id may belong to the default locale's index (a translation mixed
	// in): the article's own ID in this one.
	id, err := r.InternalID(docID(h.a))
	if err != nil || id == nil {
		return false, err
	}
	var doc index.TermFieldDoc
	for _, t := range terms {
		held := false
		for _, f := range contentFields() {
			tfr, err := r.TermFieldReader(ctx, []byte(t), f, false, false, false)
			if err != nil {
				return false, err
			}
			d, err := tfr.Advance(id, &doc)
			tfr.Close()
			if err != nil {
				return false, err
			}
			if d != nil && bytes.Equal(d.ID, id) {
				held = true
				break
			}
		}
		if !held {
			return false, nil
		}
	}
	return true, nil
}

// writesCodes reports whether the locale's content holds a short code
// (site.ShortCode) with the letters of code, a short code itself: "e12"
// for "e99". The letters are read from the vocabulary on first use.
func (li *localeIndex) writesCodes(code string) bool {
	li.shortCodesOnce.Do(func() {
		li.shortCodes = map[string]bool{}
		for t := range li.vocab {
			if site.ShortCode(t) {
				li.shortCodes[t[:len(t)-2]] = true
			}
		}
	})
	return li.shortCodes[code[:len(code)-2]]
}
