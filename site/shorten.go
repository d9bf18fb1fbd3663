package site

import "unicode/utf8"

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
