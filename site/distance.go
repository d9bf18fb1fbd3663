package site

import (
	"fmt"
	"strings"
)

// Closest returns the one of names that word is a typo of (at most two
// edits, case aside; the nearest, the first of equals), "" for none:
// "contnet" gives "content", "chek" "check".
func Closest(word string, names ...string) string {
	best, dist := "", 3
	for _, n := range names {
		if d := EditDistance(strings.ToLower(word), n, 2); d < dist {
			best, dist = n, d
		}
	}
	return best
}

// DidYouMean is Closest as the end of a message: `; did you mean "check"?`,
// or "" when word is a typo of none of names.
func DidYouMean(word string, names ...string) string {
	if best := Closest(word, names...); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// EditDistance is the Damerau-Levenshtein distance (optimal string
// alignment: substitution, insertion, deletion, adjacent transposition)
// between a and b, computed on runes; any value above limit may be reported
// as limit+1.
func EditDistance(a, b string, limit int) int {
	// Short words, the usual case, are compared without allocating.
	var bufA, bufB [32]rune
	ra, rb := toRunes(a, bufA[:0]), toRunes(b, bufB[:0])
	if len(ra)-len(rb) > limit || len(rb)-len(ra) > limit {
		return limit + 1
	}
	var rows [3][33]int
	var prev2, prev, cur []int
	if len(rb) < len(rows[0]) {
		prev2, prev, cur = rows[0][:len(rb)+1], rows[1][:len(rb)+1], rows[2][:len(rb)+1]
	} else {
		prev2, prev, cur = make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// toRunes appends the runes of s to buf.
func toRunes(s string, buf []rune) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
}
