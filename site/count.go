package site

import (
	"strconv"
	"strings"
)

// Count formats n with its noun for messages in English (check, drafts,
// the command line): "1 file", "3 files", "2,448 files". noun is the
// singular; the plural adds "s".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return Thousands(n) + " " + noun + "s"
}

// Thousands formats n with commas: 23817 → "23,817".
func Thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
