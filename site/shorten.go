package site

import (
	"strings"
	"unicode/utf8"
)

// Shorten cuts s to at most n characters (runes) for a message, a table
// cell or a header, ending it with "…" when it was cut (the "…" counts in
// n); s as it is when it fits. The one rule for every such cut; stored
// data is bounded without a mark instead (MaxTicketSubjectLen…).
func Shorten(s string, n int) string {
	if n <= 0 || utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// FirstWords returns the first n words of s (separated by white space)
// joined by single spaces, or s as it is when it has no more than n: the
// one rule for reading only the start of a text (a pasted paragraph as a
// query, a ticket's body, a chat without a subject).
func FirstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return s
	}
	return strings.Join(f[:n], " ")
}
