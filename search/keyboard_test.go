package search

import "testing"

// TestNeighbours: letters next to each other on the keyboards customers
// type on are the likelier typos.
func TestNeighbours(t *testing.T) {
	tests := []struct {
		a, b rune
		want bool
	}{
		{'e', 'r', true},  // every layout
		{'g', 'b', true},  // the row below
		{'a', 'z', true},  // QWERTY (below), AZERTY (same row)
		{'q', 'w', true},  // QWERTY, QWERTZ
		{'z', 't', true},  // QWERTZ: z between t and u ("Zahlung" typed "Tahlung")
		{'z', 'u', true},  // QWERTZ
		{'y', 'x', true},  // QWERTZ: y at QWERTY's z
		{'y', 'a', true},  // QWERTZ
		{'m', 'l', true},  // AZERTY: m at the end of the middle row
		{'q', 'p', false}, // far apart on all
		{'z', 'p', false},
		{'y', 'm', false},
		{'e', 'é', false}, // not letters of these rows
		{'ل', 'ا', true},  // Arabic: same row
		{'س', 'ء', true},  // Arabic: the row below
		{'ل', 'ء', false}, // Arabic: far apart
		{'в', 'а', true},  // ЙЦУКЕН
		{'д', 'в', false},
	}
	for _, tt := range tests {
		if got := neighbours(tt.a, tt.b); got != tt.want {
			t.Errorf("neighbours(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := neighbours(tt.b, tt.a); got != tt.want {
			t.Errorf("neighbours(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}
