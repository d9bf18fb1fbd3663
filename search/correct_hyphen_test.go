package search

import (
	"testing"
)

// TestCorrectionKeepsTheHyphen: "Showing results for" writes a compound
// as the articles write it. "e-tiket" said "did you mean e ticket" where
// the article writes "e-ticket": the hyphen typed, or the one the article
// writes, was lost between the words. A compound typed right keeps the
// hyphen typed ("wi-fi pasword" is "wi-fi password"), and words typed
// apart that no article writes hyphenated stay apart.
func TestCorrectionKeepsTheHyphen(t *testing.T) {
	lib := helpLibrary("correction-hyphen",
		art("eticket", "en", "help", "Where is my e-ticket?", "Your ticket by mail.", nil,
			sec("", "", "The e-ticket is sent after you pay.")),
		art("wifi", "en", "help", "Change the Wi-Fi password", "For the kiosk.", nil,
			sec("", "", "Open the settings and type a new password.")),
		art("refund", "en", "help", "Get a refund", "Money back.", nil,
			sec("", "", "Refunds take five days.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ query, want, first string }{
		{"e-tiket", "e-ticket", "eticket"},
		{"E-tiket", "e-ticket", "eticket"},
		{"e tiket", "e-ticket", "eticket"},
		{"wi-fi pasword", "wi-fi password", "wifi"},
		{"refnud money", "refund money", "refund"},
	} {
		r := search(t, ix, tt.query, "en")
		if r.DidYouMean != tt.want {
			t.Errorf("Search(%q): showing results for %q, want %q (hits %v)", tt.query, r.DidYouMean, tt.want, ids(r))
		}
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.first {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, ids(r), tt.first)
		}
	}
}
