package gaps

import (
	"slices"
	"testing"
)

// TestReadCodes: the numbers readCodes reads as codes, by the word before
// them, as an analysis gives the words (an English analysis leaves the
// French "d'erreur" whole; Term is the stem, "" for a stop word).
func TestReadCodes(t *testing.T) {
	w := func(pairs ...string) (words []Word, terms []string) {
		for i := 0; i < len(pairs); i += 2 {
			words = append(words, Word{Plain: pairs[i], Term: pairs[i+1]})
			if pairs[i+1] != "" {
				terms = append(terms, pairs[i+1])
			}
		}
		return words, terms
	}
	tests := []struct {
		name  string
		words []string
		want  []string
	}{
		{"year after error", []string{"install", "instal", "error", "error", "1935", "1935"}, []string{"instal", "error", "#1935"}},
		{"plural", []string{"errors", "error", "2004", "2004"}, []string{"error", "#2004"}},
		{"one digit", []string{"exit", "exit", "code", "code", "1", "1"}, []string{"exit", "code", "#1"}},
		{"elided", []string{"code", "code", "d'erreur", "d'erreur", "2003", "2003"}, []string{"code", "d'erreur", "#2003"}},
		{"elided, curly", []string{"l’evenement", "l’evenement", "2004", "2004"}, []string{"l’evenement", "#2004"}},
		{"a letter and a digit", []string{"erreur", "erreur", "e6", "e6"}, []string{"erreur", "#e6"}},
		{"letters and two digits, a code already", []string{"erreur", "erreur", "e60", "e60"}, []string{"erreur", "e60"}},
		{"a version after the word", []string{"error", "error", "v2.3", "v2.3"}, []string{"error", "v2.3"}},
		{"no digit", []string{"code", "code", "promo", "promo"}, []string{"code", "promo"}},
		{"already a code", []string{"error", "error", "1603", "1603"}, []string{"error", "1603"}},
		{"a year", []string{"invoice", "invoic", "for", "", "2023", "2023"}, []string{"invoic", "2023"}},
		{"number before the word", []string{"2004", "2004", "event", "event"}, []string{"2004", "event"}},
		{"stop word between", []string{"error", "error", "in", "", "2024", "2024"}, []string{"error", "2024"}},
		{"id after a code word", []string{"event", "event", "id", "id", "12", "12"}, []string{"event", "id", "#12"}},
		{"id of an order", []string{"order", "order", "id", "id", "12", "12"}, []string{"order", "id", "12"}},
	}
	for _, tt := range tests {
		words, terms := w(tt.words...)
		before := slices.Clone(terms)
		if got := readCodes(words, terms); !slices.Equal(got, tt.want) {
			t.Errorf("%s: readCodes = %q, want %q", tt.name, got, tt.want)
		}
		if !slices.Equal(terms, before) {
			t.Errorf("%s: readCodes changed its argument to %q", tt.name, terms)
		}
	}
}
