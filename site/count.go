package site

import (
	"strconv"
	"strings"
)

// Count formats n with its noun for messages in English (check, drafts,
// the command line, the to-do list): "1 file", "3 files", "2,448 files".
// noun is the singular; the plural adds "s" (see CountOf for others).
func Count(n int, noun string) string { return CountOf(n, noun, noun+"s") }

// CountOf is Count with the plural given: "1 person", "12 people".
func CountOf(n int, one, other string) string {
	return Thousands(n) + " " + Noun(n, one, other)
}

// Noun is the noun CountOf writes after n: one for 1, else other, for a
// number shown apart ("<strong>1</strong> person").
func Noun(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
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
