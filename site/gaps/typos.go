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
	// heads indexes the words kept as spellings by their deletion
	// neighbourhood: two words within one edit share a key (a word with
	// one letter removed, or the word itself).
	heads := map[string][]string{}
	add := func(w string) {
		for _, k := range deletions(w) {
			heads[k] = append(heads[k], w)
		}
	}
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		if n < minTypoLen || hasDigit(w) {
			add(w)
			continue
		}
		limit := 1
		if n >= typo2Len {
			limit = 2
		}
		best := ""
		seen := map[string]bool{}
		for _, k := range deletions(w) {
			for _, h := range heads[k] {
				if seen[h] {
					continue
				}
				seen[h] = true
				if site.EditDistance(w, h, limit) <= limit && (best == "" || freq[h] > freq[best]) {
					best = h
				}
			}
		}
		if best == "" && limit == 2 {
			// Two edits: compare with the long heads of similar length.
			for _, h := range longHeads(heads, w) {
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

// deletions returns w and w with each one of its letters removed.
func deletions(w string) []string {
	r := []rune(w)
	out := make([]string, 0, len(r)+1)
	out = append(out, w)
	for i := range r {
		out = append(out, string(r[:i])+string(r[i+1:]))
	}
	return out
}

// longHeads returns the heads reachable from w by two deletions on either
// side: the candidates within two edits.
func longHeads(heads map[string][]string, w string) []string {
	var out []string
	for _, d1 := range deletions(w)[1:] {
		for _, d2 := range deletions(d1) {
			out = append(out, heads[d2]...)
		}
	}
	return out
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0
}
