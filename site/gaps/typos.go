package gaps

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/guichet/guichet/site"
)

// Typo merging happens among the failed queries themselves: a rarer
// spelling joins a more frequent one of the same failed set ("refnd" joins
// "refund" when more visitors typed "refund"; of two spellings typed as
// often, the one that sorts first stands for both). Nothing is corrected toward
// the content's vocabulary: the words that say what is missing are
// precisely those the content does not have.
const (
	// minTypoLen: shorter words are taken as typed (too many real words
	// are one edit apart: card, cart, care).
	minTypoLen = 5
	// typo2Len: from this length two edits are tolerated.
	typo2Len = 8
)

// typoFixes maps each word of freq that looks like a misspelling of a more
// frequent word to that word. freq counts the visitors who typed each word
// (plain, folded form); words holding a digit are never changed.
func typoFixes(freq map[string]int) map[string]string {
	words := make([]string, 0, len(freq))
	for w := range freq {
		words = append(words, w)
	}
	// Most frequent first: each word is compared with the spellings kept
	// before it, which are at least as frequent.
	sort.Slice(words, func(i, j int) bool {
		if freq[words[i]] != freq[words[j]] {
			return freq[words[i]] > freq[words[j]]
		}
		return words[i] < words[j]
	})
	fixes := map[string]string{}
	// The spellings kept are indexed by their deletion neighbourhoods
	// (symmetric delete): two words within d edits share a key among
	// their deletions of up to d letters. near1 holds every kept word's
	// deletions of up to one letter; near2 those of up to two, for the
	// words long enough to be two edits from a word of typo2Len letters.
	near1, near2 := map[string][]string{}, map[string][]string{}
	add := func(w string) {
		for _, k := range deletions(w, 1) {
			near1[k] = append(near1[k], w)
		}
		if utf8.RuneCountInString(w) >= typo2Len-2 {
			for _, k := range deletions(w, 2) {
				near2[k] = append(near2[k], w)
			}
		}
	}
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		if n < minTypoLen || hasDigit(w) {
			add(w)
			continue
		}
		limit, near := 1, near1
		if n >= typo2Len {
			limit, near = 2, near2
		}
		best := ""
		seen := map[string]bool{}
		for _, k := range deletions(w, limit) {
			for _, h := range near[k] {
				if seen[h] {
					continue
				}
				seen[h] = true
				if site.EditDistance(w, h, limit) <= limit && (best == "" || freq[h] > freq[best]) {
					best = h
				}
			}
		}
		if best != "" {
			fixes[w] = best
			continue
		}
		add(w)
	}
	return fixes
}

// deletions returns w and the words made by removing up to d of its
// letters.
func deletions(w string, d int) []string {
	out := []string{w}
	level := []string{w}
	seen := map[string]bool{w: true}
	for ; d > 0; d-- {
		var next []string
		for _, s := range level {
			r := []rune(s)
			for i := range r {
				k := string(r[:i]) + string(r[i+1:])
				if !seen[k] {
					seen[k] = true
					next = append(next, k)
				}
			}
		}
		out = append(out, next...)
		level = next
	}
	return out
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0
}
