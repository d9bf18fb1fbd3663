package search

import "testing"

// TestSuggestSpacedCode: autocomplete reads a code typed with a space
// between its letter and its digits ("e 7", "E 07" for the "E07" the
// articles write) as search does, while it is typed and once complete.
func TestSuggestSpacedCode(t *testing.T) {
	lib := helpLibrary("suggest-spaced-codes",
		art("e07", "en", "help", "Error E07 on the lock display", "The motor is jammed.", nil,
			sec("", "", "The lock shows E07 when the motor is jammed. Check that the bolt moves freely.")),
		art("e12", "en", "help", "Error E12: bridge offline", "The bridge lost Wi-Fi.", nil,
			sec("", "", "E12 means the bridge lost its connection.")),
		art("battery", "en", "help", "Change the batteries", "Four AA batteries.", nil,
			sec("", "", "Replace the batteries when the light blinks red.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first string }{
		{"E07", "e07"}, // as before
		{"e 7", "e07"},
		{"E 07", "e07"},
		{"e 07 ", "e07"},
		{"E 12", "e12"},
		{"code E 7", "e07"},
		// The first digits of a code, more to come: "e 0" and "e 1" on
		// the way to "E07" and "E12" (nothing was suggested).
		{"e 0", "e07"},
		{"E 1", "e12"},
		{"error e 0", "e07"},
	} {
		r := suggest(t, ix, tt.q, "en")
		if got := ids(r); len(got) == 0 || got[0] != tt.first {
			t.Errorf("Suggest(%q) = %v, want %s first", tt.q, got, tt.first)
		}
	}
	// Digits no code begins with: no code offered.
	if got := ids(suggest(t, ix, "e 9", "en")); len(got) != 0 {
		t.Errorf("Suggest(e 9) = %v, want nothing", got)
	}
}
