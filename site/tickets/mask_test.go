package tickets

import "testing"

// TestMaskNumbers: the linker remembers search results by the ticket's
// text with its stand-alone numbers masked, so that tickets differing by
// an order number share one search; digits inside a word are what a
// ticket is about and are kept (the digits of "0x80070005" were masked,
// and the first of two error codes linked decided the other's link).
func TestMaskNumbers(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Order 4821", "Order 0"},
		{"Invoice 2026-0042 and #123, (77) or [88]", "Invoice 0-0 and #0, (0) or [0]"},
		{"1 2 3", "0 0 0"},
		{"call me at 0 or 0.", "call me at 0 or 0."},
		{"ends with 4821.", "ends with 0."},
		{"Error 0x80070005", "Error 0x80070005"},
		{"KB5001234 on v2", "KB5001234 on v2"},
		{"version 3.5 or 4,0", "version 3.5 or 4,0"},
		{"10:30 at 12_3 or 5/6", "10:30 at 12_3 or 0/0"},
		{"2FA code", "2FA code"},
		// A code's letters typed apart, a short name's version: kept.
		{"error E 07 otra vez", "error E 07 otra vez"},
		{"Erreur E-41", "Erreur E-41"},
		{"AP 409 on iOS 17", "AP 409 on iOS 17"},
		{"Order 4821 for Ana", "Order 0 for Ana"},
	} {
		if got := maskNumbers(c.in); got != c.want {
			t.Errorf("maskNumbers(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
