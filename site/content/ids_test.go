package content

import "testing"

// TestAnchor: heading anchors are GitHub's (accents and scripts kept,
// punctuation dropped), read from the normalised text: an invisible
// character pasted into a heading does not change its anchor, and a
// decomposed accent gives the composed one.
func TestAnchor(t *testing.T) {
	for _, c := range []struct{ heading, want string }{
		{"Reset your password", "reset-your-password"},
		{"Wi-Fi: set up", "wi-fi-set-up"},
		{"Wi\u00adFi set\u200bup", "wifi-setup"},
		{"Cafe\u0301 menu", "café-menu"},
		{"Café menu", "café-menu"},
		{"Étape 2 — fin", "étape-2--fin"},
		{"snake_case", "snake_case"},
	} {
		if got := anchor(c.heading); got != c.want {
			t.Errorf("anchor(%q) = %q, want %q", c.heading, got, c.want)
		}
	}
}
