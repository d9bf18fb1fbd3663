package search

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/guichet/guichet/site/textnorm"
)

// Joined words: customers type as one word what the articles write as two
// ("login" for "log in", "backup" for "back up", "username" for "user
// name", "eartag" for "ear tag", a product's "Furrow Link" as
// "furrowlink"). A query word no article uses is read as the two words
// when the articles write them side by side, in that order; the reverse
// of joinPairs, which reads two query words as the one an article writes.
const (
	// minSplitWord is the fewest letters of a word worth splitting.
	minSplitWord = 5
	// minSplitPart is the fewest letters of the first part: shorter
	// parts ("ca" + "rton") are chance.
	minSplitPart = 3
	// minSecondPart is the fewest letters of the second part ("up" of
	// "back up").
	minSecondPart = 2
	// minSplitTexts is the fewest articles whose text (not a title or a
	// heading) must write the two words side by side.
	minSplitTexts = 2
	// maxSplitDocs bounds the articles read for the two words side by
	// side.
	maxSplitDocs = 20
)

// splitWord returns the two words the articles write where the query has
// plain, a folded word no article uses ("log", "in" for "login"), with
// their terms (the second's "" for a stop word), or ok false. The first
// part is no stop word and has at least minSplitPart letters; the second
// may be a stop word ("in", "up": the particle of a phrasal verb). The
// articles writing them side by side is the evidence (writtenTogether). Of several splits, the first (shortest first part) that some
// article writes is taken. Splits found or not are remembered.
func (li *localeIndex) splitWord(ctx context.Context, plain string) (a, b, ta, tb string, ok bool) {
	n := utf8.RuneCountInString(plain)
	if n < minSplitWord || hasDigit(plain) {
		return "", "", "", "", false
	}
	if v, found := li.splits.get(plain); found {
		if v == "" {
			return "", "", "", "", false
		}
		a, b, _ = strings.Cut(v, " ")
		return a, b, li.termOf(a), li.termOf(b), true
	}
	rs := []rune(plain)
	for i := minSplitPart; i <= n-minSecondPart; i++ {
		a, b := string(rs[:i]), string(rs[i:])
		ta, tb := li.termOf(a), li.termOf(b)
		if ta == "" || li.vocab[ta] == 0 {
			continue
		}
		if tb != "" && li.vocab[tb] == 0 {
			continue
		}
		if tb == "" && !li.stopWord(b) {
			continue // neither a word the articles use nor a stop word
		}
		written, err := li.writtenTogether(ctx, a, b, ta, tb)
		if err != nil {
			return "", "", "", "", false // not remembered: the next query tries again
		}
		if written {
			li.splits.put(plain, a+" "+b, maxSplitCache)
			return a, b, ta, tb, true
		}
	}
	li.splits.put(plain, "", maxSplitCache)
	return "", "", "", "", false
}

// maxSplitCache bounds the words splitWord remembers.
const maxSplitCache = 4096

// termOf returns the term of a folded word, "" for a stop word or a text
// of several words.
func (li *localeIndex) termOf(w string) string {
	toks := li.an.text.Analyze([]byte(w))
	if len(toks) != 1 {
		return ""
	}
	return string(toks[0].Term)
}

// writtenTogether reports whether the articles write folded words a then b
// side by side: in a title or a heading, or in the text of minSplitTexts
// articles (one sentence's "do not ice the site" makes no "notice"),
// looked for in up to maxSplitDocs of the articles holding their terms
// (ta, and tb unless b is a stop word).
func (li *localeIndex) writtenTogether(ctx context.Context, a, b, ta, tb string) (bool, error) {
	anyField := func(t string) query.Query {
		var qs []query.Query
		for _, f := range contentFields() {
			qs = append(qs, term(t, f, 1))
		}
		return bleve.NewDisjunctionQuery(qs...)
	}
	q := anyField(ta)
	if tb != "" {
		q = bleve.NewConjunctionQuery(q, anyField(tb))
	}
	// By ID, not by score: the same articles are read whatever the
	// index's history (an updated index scores in another order than a
	// whole build), so a word splits the same way in both.
	req := bleve.NewSearchRequestOptions(q, maxSplitDocs, 0, false)
	req.SortBy([]string{"_id"})
	sr, err := li.idx.SearchInContext(ctx, req)
	if err != nil {
		return false, err
	}
	inText := 0
	for _, h := range sr.Hits {
		d, err := li.doc(h.ID)
		if err != nil {
			return false, err
		}
		art := li.docs[d]
		if li.sideBySide(textnorm.Fold(art.Title), a, b, tb) {
			return true, nil
		}
		for _, hd := range art.Headings {
			if li.sideBySide(textnorm.Fold(hd.Text), a, b, tb) {
				return true, nil
			}
		}
		if li.sideBySide(textnorm.Fold(art.Text), a, b, tb) {
			if inText++; inText >= minSplitTexts {
				return true, nil
			}
		}
	}
	return false, nil
}

// sideBySide reports whether folded text has the word a followed by one
// space and b, or a form of b with the same term tb ("ear tags" for "ear"
// "tag"); a stop word b must be written as it is ("log in", not "log
// into").
func (li *localeIndex) sideBySide(text, a, b, tb string) bool {
	pair := a + " " + b
	for i := 0; ; {
		k := strings.Index(text[i:], pair)
		if k < 0 {
			return false
		}
		start, end := i+k, i+k+len(pair)
		i = start + 1
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); start > 0 && inWord(r) {
			continue
		}
		rest := end
		for rest < len(text) {
			r, size := utf8.DecodeRuneInString(text[rest:])
			if !inWord(r) {
				break
			}
			rest += size
		}
		if rest == end || tb != "" && li.termOf(text[start+len(a)+1:rest]) == tb {
			return true
		}
	}
}

// continues reports whether some article has a word that folded word p
// begins (in a title, heading, keyword, tag or the body): autocomplete
// reads p as that word being typed. An index that cannot be read says
// yes: p is then left as typed.
func (li *localeIndex) continues(ctx context.Context, p string) bool {
	adv, err := li.idx.Advanced()
	if err != nil {
		return true
	}
	r, err := adv.Reader()
	if err != nil {
		return true
	}
	defer r.Close()
	if n, err := prefixDocs(ctx, r, truncate(p)); err != nil || n > 0 {
		return true
	}
	d, err := r.FieldDictPrefix(fieldBody, []byte(p))
	if err != nil {
		return true
	}
	defer d.Close()
	// The dictionary may still hold the words of articles removed since
	// the index was built (an update): only a word some article has now
	// counts.
	for seen := 0; seen < maxPartTerms; seen++ {
		e, err := d.Next()
		if err != nil {
			return true
		}
		if e == nil {
			return false
		}
		if li.vocab[e.Term] > 0 {
			return true
		}
	}
	return true
}
