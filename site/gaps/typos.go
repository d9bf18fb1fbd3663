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
// (plain, folded form); words holding a digit, and words known says are
// words (the content uses them), are never changed.
func typoFixes(freq map[string]int, known func(string) bool) map[string]string {
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
	// Bounded work: past manyWords distinct words (a flood of random
	// words, or a very large help center), the words only one visitor
	// typed may still join a more frequent spelling one edit away, but are
	// no longer offered as spellings themselves, nor looked for two edits
	// away.
	crowded := len(words) > manyWords
	fixes := map[string]string{}
	// The spellings kept are indexed by their deletion neighbourhoods
	// (symmetric delete): two words within d edits share a key among
	// their deletions of up to d letters (keys are hashes; candidates are
	// checked with the edit distance). near1 holds every kept word's
	// deletions of up to one letter; near2 those of up to two, for the
	// words of typo2Len letters or more (a word two edits from a word of
	// typo2Len letters is at least typo2Len-2 long: those shorter are
	// found through near1 from the longer word's deletions).
	// Sized for every word's keys (only the kept words' are filed).
	n1, n2 := 0, 0
	for _, w := range words {
		if crowded && freq[w] < 2 {
			continue
		}
		n := utf8.RuneCountInString(w)
		n1 += 1 + n
		if n >= typo2Len {
			n2 += 1 + n + n*(n-1)/2
		}
	}
	near1, near2 := newKeyIndex(n1), newKeyIndex(n2)
	var kept []string
	var keys []uint64
	add := func(w string) {
		id := int32(len(kept))
		kept = append(kept, w)
		keys = deletionKeys(w, 1, keys[:0])
		for _, k := range keys {
			near1.add(k, id)
		}
		if utf8.RuneCountInString(w) >= typo2Len {
			keys = deletionKeys(w, 2, keys[:0])
			for _, k := range keys {
				near2.add(k, id)
			}
		}
	}
	var tried []int32
	for _, w := range words {
		n := utf8.RuneCountInString(w)
		rare := crowded && freq[w] < 2
		if n < minTypoLen || hasDigit(w) || known(w) {
			if !rare {
				add(w)
			}
			continue
		}
		limit := 1
		if n >= typo2Len && !rare {
			limit = 2
		}
		best := ""
		tried = tried[:0]
		try := func(id int32) {
			for _, t := range tried {
				if t == id {
					return
				}
			}
			tried = append(tried, id)
			h := kept[id]
			if (best == "" || freq[h] > freq[best] || freq[h] == freq[best] && h < best) && site.EditDistance(w, h, limit) <= limit {
				best = h
			}
		}
		keys = deletionKeys(w, limit, keys[:0])
		for _, k := range keys {
			near1.each(k, try)
			if limit == 2 {
				near2.each(k, try)
			}
		}
		if best != "" {
			fixes[w] = best
			continue
		}
		if !rare {
			add(w)
		}
	}
	return fixes
}

// manyWords is the number of distinct words past which the typo pass
// bounds its work (see typoFixes): far above the vocabulary of real failed
// searches (the 1M-search benchmark has about 26,000 among its
// failed searches).
const manyWords = 60000

// keyIndex lists the words (IDs) filed under each key, in one slice
// rather than a slice per key.
type keyIndex struct {
	head  map[uint64]int32 // key → its last node, plus one
	nodes []keyNode
}

type keyNode struct {
	id   int32
	next int32 // the previous node of the key, plus one; 0 ends
}

func newKeyIndex(size int) *keyIndex {
	return &keyIndex{head: make(map[uint64]int32, size), nodes: make([]keyNode, 0, size)}
}

func (x *keyIndex) add(k uint64, id int32) {
	x.nodes = append(x.nodes, keyNode{id, x.head[k]})
	x.head[k] = int32(len(x.nodes))
}

func (x *keyIndex) each(k uint64, fn func(id int32)) {
	for n := x.head[k]; n != 0; n = x.nodes[n-1].next {
		fn(x.nodes[n-1].id)
	}
}

// deletionKeys appends to keys the hashes of w and of the words made by
// removing up to d (1 or 2) of its letters.
func deletionKeys(w string, d int, keys []uint64) []uint64 {
	var buf [64]rune
	r := buf[:0]
	for _, c := range w {
		r = append(r, c)
	}
	hash := func(skip1, skip2 int) uint64 {
		h := uint64(14695981039346656037)
		for i, c := range r {
			if i == skip1 || i == skip2 {
				continue
			}
			h ^= uint64(c)
			h *= 1099511628211
		}
		return h
	}
	keys = append(keys, hash(-1, -1))
	for i := range r {
		keys = append(keys, hash(i, -1))
		if d == 2 {
			for j := i + 1; j < len(r); j++ {
				keys = append(keys, hash(i, j))
			}
		}
	}
	return keys
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0
}
