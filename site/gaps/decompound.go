package gaps

import (
	"strings"
	"unicode/utf8"

	"github.com/guichet/guichet/site/i18n"
)

// minPart is the fewest letters of a compound's part
// (i18n.MinCompoundPart, as search reads compounds).
const minPart = i18n.MinCompoundPart

// decompounds returns, for the words of the failed set that are compounds
// of a language that writes them joined, the compound as its two parts
// ("kletterschuhe" → "kletter schuhe"): a word whose two parts (minPart
// letters each at least, with the language's linking letters between
// them, i18n.CompoundLinkers; the first no bound prefix) are words of the
// failed set or of the content (a free first part, any four letters, cost
// the German test set a fifth of its precision). Grouping then
// reads "Kletterschuhe", "Schuhe leihen" and "Schuhverleih" as sharing
// "Schuhe", as a language writing them apart would. Of several cuts, the
// one with both parts typed on their own in the failed set, then the
// longest head. words are the failed set's words with their visitors;
// termOf their terms. Words that are synonyms, codes or shorter than
// 2×minPart are taken as typed.
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
		if utf8.RuneCountInString(w) < 2*minPart || hasDigit(w) || strings.HasPrefix(termOf[w], "~") || termOf[w] == "" {
			continue
		}
		best, bestScore := "", 0
		for i := range w {
			if i == 0 || utf8.RuneCountInString(w[:i]) < minPart || i18n.BoundPrefix(lang, w[:i]) {
				continue // a prefix that is no word ("Zerstörung" is no "Störung")
			}
			first := w[:i]
			for _, l := range i18n.CompoundLinkers(lang) {
				rest, ok := strings.CutPrefix(w[i:], l)
				if !ok || utf8.RuneCountInString(rest) < minPart {
					continue
				}
				head := knownPart(rest)
				if head == 0 {
					continue
				}
				// Both typed alone weigh most, then a longer head.
				if knownPart(first) == 0 {
					continue
				}
				score := 4 * (head + knownPart(first))
				score = score*64 + utf8.RuneCountInString(rest)
				if score > bestScore {
					best, bestScore = first+" "+rest, score
				}
			}
		}
		if best != "" {
			out[w] = best
		}
	}
	return out
}
