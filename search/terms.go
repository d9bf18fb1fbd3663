package search

import (
	"slices"
	"sort"
	"strconv"
)

// Terms reduces a query to the terms that carry its meaning, for grouping
// queries that mean the same thing: analysed with the locale's analyzer
// (case, accents, plurals and verb forms, stop words), a run of words
// equal to an entry of a synonym group replaced by that group's token, a
// hyphenated or spaced compound the content writes as one word replaced by
// that word ("wi-fi", "wi fi" → "wifi"), a word missing from the content
// replaced by the indexed term one typo away, sorted and deduplicated so
// that word order does not matter. An unknown locale uses the default one.
func (ix *Index) Terms(locale, text string) []string {
	li := ix.locales[locale]
	if li == nil {
		li = ix.locales[ix.defaultLocale]
	}
	if li == nil {
		return nil
	}
	qa := li.analyze(text, false)
	keys := make([]string, len(qa.words))
	for i, w := range qa.words {
		keys[i] = wordKey(w)
	}
	out := make([]string, 0, len(qa.words))
	covered := make([]bool, len(qa.words))
	for gi, group := range li.synonyms {
		for _, entry := range group {
			n := len(entry.keys)
			for first := 0; n > 0 && first+n <= len(keys); first++ {
				if covered[first] || !slices.Equal(keys[first:first+n], entry.keys) {
					continue
				}
				for k := first; k < first+n; k++ {
					covered[k] = true
				}
				out = append(out, "~"+strconv.Itoa(gi))
			}
		}
	}
	// A compound is its joined word: "wi-fi", "wi fi" and "wifi" group.
	for first, c := range qa.compounds {
		if slices.Contains(covered[first:first+c.n], true) {
			continue
		}
		for k := first; k < first+c.n; k++ {
			covered[k] = true
		}
		out = append(out, c.stem)
	}
	for i, w := range qa.words {
		if covered[i] || w.stem == "" {
			continue
		}
		t := w.stem
		if len(w.typos) > 0 {
			t = w.typos[0]
		}
		out = append(out, t)
	}
	sort.Strings(out)
	return slices.Compact(out)
}
