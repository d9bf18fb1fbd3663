package gaps

import (
	"strings"
	"unicode/utf8"

	"github.com/guichet/guichet/site/i18n"
)

// compoundLanguages write a compound noun as one word ("Kletterschuhe",
// "reisverzekering"), where other languages write two.
var compoundLanguages = map[string]bool{"de": true, "nl": true, "sv": true, "da": true, "nb": true, "no": true}

// linkers are the letters that may join a compound's parts, German's and
// Dutch "Fugen" ("Geburtstag-s-feier", "Kind-er-kurs"), none first.
var linkers = []string{"", "s", "es", "n", "en", "e", "er"}

// minPart is the fewest letters of a compound's part: shorter heads
// ("tag" of "Feiertag") are too often a word's ending.
const minPart = 4

// decompounds returns, for the words of the failed set that are compounds
// of a language that writes them joined, the compound as its two parts
// ("kletterschuhe" → "kletter schuhe"): a word whose last part (its head,
// what it is a kind of) is a word of the failed set or of the content and
// whose first part is too, both of minPart letters at least. Grouping then
// reads "Kletterschuhe", "Schuhe leihen" and "Schuhverleih" as sharing
// "Schuhe", as a language writing them apart would. Of several cuts, the
// one with both parts typed on their own in the failed set, then the
// longest head. words are the failed set's words with their visitors;
// termOf their terms. Words that are synonyms, codes or shorter than
// 2×minPart are taken as typed.
func decompounds(an Analyzer, locale string, words map[string]int, termOf map[string]string) map[string]string {
	if !compoundLanguages[i18n.Language(locale)] {
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
			if i == 0 || utf8.RuneCountInString(w[:i]) < minPart {
				continue
			}
			first := w[:i]
			for _, l := range linkers {
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
