package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	index "github.com/blevesearch/bleve_index_api"
)

// typedTypos gives the word being typed (autocomplete) the corrections the
// other words get, once the query found nothing with it as a prefix: the
// words one typo away from it (typoCandidates: "outlok" is read as
// "outlook", otherwise corrected only once a space followed it), and the
// prefixes one typo away from it that titles, headings, keywords or tags
// start with (prefixTypos: "auomatica" is read as "automatica…", a typo
// made before the word is finished). It reports whether it found any.
func (li *localeIndex) typedTypos(ctx context.Context, qa *queryAnalysis) (bool, error) {
	if !qa.prefix || len(qa.words) == 0 {
		return false, nil
	}
	w := &qa.words[len(qa.words)-1]
	if w.fuzz == 0 || len(w.typos) > 0 || len(w.prefixTypos) > 0 {
		return false, nil
	}
	w.typos = li.typoCandidates(w.plain, w.stem)
	if len(w.typos) > 0 {
		w.fuzz = 1 // as for other words: one typo away exists
	}
	if !w.short {
		p, err := li.prefixCandidates(ctx, w.plain)
		if err != nil {
			return false, err
		}
		w.prefixTypos = p
	}
	return len(w.typos) > 0 || len(w.prefixTypos) > 0, nil
}

// typedCompoundTypos gives a compound being typed, once the query found
// nothing, the corrections of its joined word typed as one word (see
// typedTypos): the prefixes one typo away from it ("check-im" as "checkim"
// → "checkin…") and, for a hyphenated one, the words one typo away
// ("wi-fu" as "wifu" → "wifi"); and the last part of a dotted word the
// parts the content writes after the same beginning one typo away
// ("Relais2.exr" → "exe", see dottedTypos). It reports whether it found
// any.
func (li *localeIndex) typedCompoundTypos(ctx context.Context, qa *queryAnalysis) (bool, error) {
	c := qa.typedCompound()
	if c == nil {
		return false, nil
	}
	found := false
	if len(c.prefixTypos) == 0 && !hasDigit(c.plain) && utf8.RuneCountInString(c.plain) >= minCorrected {
		p, err := li.prefixCandidates(ctx, c.plain)
		if err != nil {
			return false, err
		}
		c.prefixTypos = p
		found = len(p) > 0
	}
	if !strings.Contains(c.plain, ".") && len(c.typos) == 0 && !hasDigit(c.plain) && utf8.RuneCountInString(c.plain) >= 4 {
		c.typos = li.typoCandidates(c.plain, c.stem)
		found = found || len(c.typos) > 0
	}
	parts, err := li.dottedTypos(ctx, qa, true)
	return found || parts, err
}

// typedCompound returns the compound whose last part is the word being
// typed, if any.
func (qa *queryAnalysis) typedCompound() *compound {
	if !qa.prefix {
		return nil
	}
	for first, c := range qa.compounds {
		if first+c.n == len(qa.words) {
			return c
		}
	}
	return nil
}

// typingTypos looks up, before the query is ranked, the corrections of a
// long word being typed (one that tolerates two edits, see fuzziness) that
// no title, heading, keyword or tag word starts with: "permisions" is read
// as "permissions". Otherwise the two-edit fuzzy query of its stem finds
// other words ("permitted", "precision", "persistent"), the query finds
// something, and the corrections typedTypos holds back until nothing is
// found are never tried. One typo away comes before two edits, as for the
// other words of a query (analyzeTypos): when a correction is found, the
// two-edit query is dropped. A word that starts a title word as typed is
// left to the prefix match ("configura").
func (li *localeIndex) typingTypos(ctx context.Context, qa *queryAnalysis) error {
	if !qa.prefix || len(qa.words) == 0 {
		return nil
	}
	w := &qa.words[len(qa.words)-1]
	if w.fuzz < 2 || len(w.typos) > 0 || len(w.prefixTypos) > 0 {
		return nil
	}
	p := w.plain
	if utf8.RuneCountInString(p) > maxNgram {
		p = string([]rune(p)[:maxNgram])
	}
	adv, err := li.idx.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	n, err := prefixDocs(ctx, r, p)
	if cerr := r.Close(); err == nil {
		err = cerr
	}
	if err != nil || n > 0 {
		return err
	}
	found, err := li.typedTypos(ctx, qa)
	if found {
		w.fuzz = 1
	}
	return err
}

// prefixCandidates returns the autocomplete prefixes (the edge n-grams of
// titles, headings, keywords and tags) one typo away from plain, the
// likeliest typo first (the costs of findTypos), then those most articles
// start a word with; at most maxTypoCandidates, remembered per prefix.
// The variants are looked up in the fields' term dictionaries, without
// reading postings, then the few found are counted.
func (li *localeIndex) prefixCandidates(ctx context.Context, plain string) ([]string, error) {
	if utf8.RuneCountInString(plain) > maxNgram+1 {
		// Every variant is longer than the prefixes indexed: nothing to
		// look up or remember (see typoCandidates).
		return nil, nil
	}
	if v, ok := li.prefixTypos.get(plain); ok {
		return v, nil
	}
	text, costs := typoVariants(plain, li.alphabet(plain))
	adv, err := li.idx.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	contains, ok := r.(index.IndexReaderContains)
	if !ok {
		return nil, fmt.Errorf("search: the index reader %T cannot look terms up", r)
	}
	// A variant two edits make ("aab" from "ab": an "a" or a "b" added)
	// costs the lower of the two.
	cost := map[string]int{}
	for at, c := range costs {
		v := text[at : at+strings.IndexByte(text[at:], ' ')]
		if old, ok := cost[v]; (!ok || c < old) && utf8.RuneCountInString(v) <= maxNgram {
			cost[v] = c
		}
	}
	type found struct {
		prefix     string
		cost, docs int
	}
	var out []found
	for _, f := range []string{fieldTitleAC, fieldMoreAC} {
		dict, err := contains.FieldDictContains(f)
		if err != nil {
			return nil, err
		}
		for v, c := range cost {
			if ok, err := dict.Contains([]byte(v)); err != nil {
				return nil, err
			} else if ok {
				out = append(out, found{prefix: v, cost: c})
				delete(cost, v) // found: not looked up in the other field
			}
		}
	}
	for i := range out {
		if out[i].docs, err = prefixDocs(ctx, r, out[i].prefix); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b found) int {
		return cmp.Or(cmp.Compare(a.cost, b.cost), cmp.Compare(b.docs, a.docs), strings.Compare(a.prefix, b.prefix))
	})
	var prefixes []string
	for _, f := range out[:min(len(out), maxTypoCandidates)] {
		if f.docs > 0 {
			prefixes = append(prefixes, f.prefix)
		}
	}
	li.prefixTypos.put(plain, prefixes, maxPrefixTypoCache)
	return prefixes, nil
}

// maxPrefixTypoCache bounds the prefixes whose corrections are remembered:
// fewer than words (maxTypoCache), since a mistyped prefix is seldom typed
// again the same way, and a flood of random keystrokes would otherwise keep
// up to 43 MB per locale (BENCHMARKS.md).
const maxPrefixTypoCache = 10000
