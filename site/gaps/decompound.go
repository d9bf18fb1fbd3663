package gaps

import (
	"strings"
	"unicode/utf8"

	"github.com/guichet/guichet/site/i18n"
)

// decompounds returns, for the words of the failed set that are compounds
// of a language that writes them joined, the compound as its two parts
// ("kletterschuhe" → "kletter schuhe"): a word whose two parts (a cut of
// i18n.CompoundCuts, as search cuts compounds: i18n.MinCompoundPart
// letters each at least, with the language's linking letters between
// them, i18n.CompoundLinkers; the first no bound prefix) are words of the
// failed set or of the content (a free first part, any four letters, cost
// the German test set a fifth of its precision). Grouping then
// reads "Kletterschuhe", "Schuhe leihen" and "Schuhverleih" as sharing
// "Schuhe", as a language writing them apart would. Of several cuts, the
// one with both parts typed on their own in the failed set, then the
// longest head. words are the failed set's words with their visitors;
// termOf their terms. Words that are synonyms, codes or shorter than
// 2×i18n.MinCompoundPart are taken as typed.
func decompounds(an Analyzer, locale string, words map[string]int, termOf map[string]string) map[string]string {
	lang := i18n.Language(locale)
	if !i18n.ClosedCompounds(lang) {
		return nil
	}
	typed := map[string]bool{} // the terms of the failed set's words
	for w := range words {
		if t := termOf[w]; t != "" {
			typed[t] = true
		}
	}
	known := map[string]int{} // part → 2 its term typed alone, 1 a content word's, 0 neither
	knownPart := func(p string) int {
		if k, ok := known[p]; ok {
			return k
		}
		k := 0
		if a := an.Analyze(locale, p); len(a.Words) == 1 && a.Words[0].Term != "" {
			if t := a.Words[0].Term; typed[t] {
				k = 2
			} else if an.Spread(locale, t) > 0 {
				k = 1
			}
		}
		known[p] = k
		return k
	}
	out := map[string]string{}
	for w := range words {
		if hasDigit(w) || strings.HasPrefix(termOf[w], "~") || termOf[w] == "" {
			continue
		}
		best, bestScore := "", 0
		for _, c := range i18n.CompoundCuts(lang, w, i18n.MinCompoundPart) {
			head := knownPart(c.Rest)
			if head == 0 || knownPart(c.First) == 0 {
				continue
			}
			// Both typed alone weigh most, then a longer head.
			score := 4 * (head + knownPart(c.First))
			score = score*64 + utf8.RuneCountInString(c.Rest)
			if score > bestScore {
				best, bestScore = c.First+" "+c.Rest, score
			}
		}
		if best != "" {
			out[w] = best
		}
	}
	return out
}
