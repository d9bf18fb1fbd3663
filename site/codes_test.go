package site

import (
	"slices"
	"strings"
	"testing"
)

// TestQueryCodes: the words of a query that name an error code, after a
// code word or by their shape alone; numbers after other words (orders,
// invoices, years, versions) name none.
func TestQueryCodes(t *testing.T) {
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"error e99", []string{"e99"}},
		{"error 1234", []string{"1234"}},
		{"errors 5", []string{"5"}},
		{"exit code 1", []string{"1"}},
		{"event 4625 logon", []string{"4625"}},
		{"status 2001", []string{"2001"}},
		{"kb 2019", []string{"2019"}},
		{"erreur e42", []string{"e42"}},
		{"code d'erreur 2003", []string{"2003"}},
		{"l’evenement 2004", []string{"2004"}},
		{"e99", []string{"e99"}},
		{"thermostat shows f05", []string{"f05"}},
		{"install 0x80070005", []string{"0x80070005"}},
		{"8007000e update", []string{"8007000e"}},
		{"error e99 and e12", []string{"e99", "e12"}},
		{"event id 4625", []string{"4625"}},
		{"error id 12", []string{"12"}},
		{"refund order 4821", nil},
		{"refund order id 4821", nil},
		{"id 77", nil},
		{"invoice 2023", nil},
		{"windows 10 install", nil},
		{"error in 2024", nil},   // a word between
		{"error v2.3", nil},      // a version
		{"promo code", nil},      // no digit
		{"0x1", nil},             // too short for a code
		{"0xzz12", nil},          // not hexadecimal
		{"kb5031356 fails", nil}, // letters and many digits: not by shape alone
		{"2004 event", nil},      // the number before the word
		{"12345678 order", nil},  // eight digits, not 80…: an order number
		{"error e-99", nil},      // words the analysis cut apart
	} {
		words := strings.FieldsFunc(tt.query, func(r rune) bool { return r == ' ' || r == '-' })
		var got []string
		for _, k := range QueryCodes(words) {
			got = append(got, words[k])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("QueryCodes(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestReference(t *testing.T) {
	for _, tc := range []struct {
		before, prev, word string
		want               bool
	}{
		{"", "order", "4821", true},
		{"my", "invoice", "20231104", true},
		{"order", "number", "4821", true},
		{"order", "id", "4821", true},
		{"facture", "n", "4514", true},
		{"order", "no", "4821", true},
		{"", "no", "4821", false}, // "no" alone names nothing
		{"", "booking", "a4821", true},
		{"", "commande", "4821", true},
		{"", "bestellung", "4821", true},
		{"", "order", "status", false}, // no digit
		{"", "order", "abc12", false},  // more letters than digits
		{"", "error", "1603", false},   // a code word
		{"event", "id", "4625", false}, // "id" after a code word
		{"", "install", "1603", false}, // no reference word
		{"", "order", "48-21", false},  // not one word of letters and digits
	} {
		if got := Reference(tc.before, tc.prev, tc.word); got != tc.want {
			t.Errorf("Reference(%q, %q, %q) = %v, want %v", tc.before, tc.prev, tc.word, got, tc.want)
		}
	}
}
