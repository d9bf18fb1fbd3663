package site

import "testing"

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"refund for jane.doe+shop@example.co.uk please", "refund for [email] please"},
		{"card 4111 1111 1111 1111 declined", "card [card] declined"},
		{"card 4111-1111-1111-1111", "card [card]"},
		{"call me +33 6 12 34 56 78", "call me [phone]"},
		{"phone (555) 123-4567", "phone [phone]"},
		{"order 12345678 missing", "order [number] missing"},
		{"error 503 in 2026", "error 503 in 2026"},
		{"reset password", "reset password"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRedactedAsNumbers(t *testing.T) {
	for in, want := range map[string]string{
		Redact("Invoice 2026-0042"):                        "Invoice 0",
		Redact("order 48213377, card 4111 1111 1111 1111"): "order 0, card 0",
		Redact("mail ana@example.com"):                     "mail [email]",
	} {
		if got := RedactedAsNumbers(in); got != want {
			t.Errorf("RedactedAsNumbers(%q) = %q, want %q", in, got, want)
		}
	}
}
