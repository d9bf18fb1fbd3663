package search

import (
	"strings"
	"unicode"

	"github.com/guichet/guichet/site/textnorm"
)

// politeEndings are the sign-offs customers type after their question
// whose words are no stop words of their own: "lot", "much", "mille",
// "anticipo" and "saluti" say something elsewhere ("parking lot", "mille
// euro", "pagamento in anticipo"), so only the whole phrase, typed last,
// is dropped. Folded as textnorm.Fold folds, words apart.
var politeEndings = [][]string{
	// English
	{"thanks", "a", "lot"}, {"thanks", "a", "million"}, {"thanks", "so", "much"}, {"thanks", "very", "much"},
	{"thank", "you", "so", "much"}, {"thank", "you", "very", "much"}, {"thanks", "in", "advance"},
	{"thank", "you", "in", "advance"}, {"many", "thanks"}, {"kind", "regards"}, {"best", "regards"},
	{"regards"}, {"cheers"}, {"pls"}, {"plz"},
	// Italian
	{"grazie", "mille"}, {"mille", "grazie"}, {"grazie", "tante"}, {"tante", "grazie"}, {"grazie", "infinite"},
	{"grazie", "in", "anticipo"}, {"cordiali", "saluti"}, {"distinti", "saluti"}, {"saluti"}, {"perfavore"},
}

// politeOpenings are the greetings typed before a question whose words
// are no stop words ("hey", "morning"), dropped only at its start.
var politeOpenings = [][]string{
	{"hey"}, {"hey", "there"}, {"hi", "there"}, {"hello", "there"}, {"good", "morning"},
	{"good", "afternoon"}, {"good", "evening"}, {"buon", "pomeriggio"},
}

// trimPoliteEnding drops the sign-offs of politeEndings typed at the end
// of a query (several in a row too: "grazie mille, cordiali saluti"), and
// a greeting of politeOpenings at its start, so that autocomplete
// suggests what the question between them does, as it does for "hi",
// "thanks" and "merci beaucoup". A query that is nothing but a greeting or
// a sign-off is kept as typed.
func trimPoliteEnding(q string) string {
	words := strings.FieldsFunc(q, func(r rune) bool { return unicode.IsSpace(r) })
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = strings.TrimFunc(textnorm.Fold(w), func(r rune) bool { return unicode.IsPunct(r) })
	}
	n := len(words)
	for n > 0 {
		m := n
		for m > 0 && folded[m-1] == "" {
			m-- // punctuation typed alone ("… , grazie !")
		}
		cut := 0
		for _, p := range politeEndings {
			if len(p) < m && len(p) > cut && equalWords(folded[m-len(p):m], p) {
				cut = len(p)
			}
		}
		if cut == 0 {
			break // what ends the query stays as typed ("pass *" is still typing)
		}
		n = m - cut
	}
	start := 0
	for _, p := range politeOpenings {
		if len(p) < n && len(p) > start && equalWords(folded[:len(p)], p) {
			start = len(p)
		}
	}
	for start > 0 && start < n-1 && folded[start] == "" {
		start++ // "hey , wifi"
	}
	if (n == len(words) && start == 0) || n == start {
		return q
	}
	out := strings.Join(words[start:n], " ")
	if n < len(words) {
		// "… a week, thanks a lot": the comma went with the sign-off; a
		// query left as typed keeps its end ("hey pass*" is still typing).
		out = strings.TrimRightFunc(out, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	}
	return out
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
