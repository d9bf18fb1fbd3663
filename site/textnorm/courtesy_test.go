package textnorm

import "testing"

// TestTrimCourtesy: greetings and pleas opening a text, sign-offs and
// pleas closing it, several in a row, in the interface's languages, are
// left out; the same words inside the question, text that is only
// courtesy, and a word still being typed stay.
func TestTrimCourtesy(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"skip a week thanks a lot", "skip a week"},
		{"skip a week, thanks a lot!", "skip a week"},
		{"skip a week Thank You Very Much !", "skip a week"},
		{"skip a week, many thanks", "skip a week"},
		{"skip a week kind regards", "skip a week"},
		{"hey there, pause my plan please, thanks a lot", "pause my plan"},
		{"Good morning, wifi", "wifi"},
		{"Hi. How do I pause", "How do I pause"},
		{"Bonjour, remboursement svp merci d'avance", "remboursement"},
		{"Bonjour à tous : remboursement, merci d’avance", "remboursement"},
		{"decalcificare grazie mille", "decalcificare"},
		{"decalcificare, mille grazie", "decalcificare"},
		{"decalcificare perfavore", "decalcificare"},
		{"buon pomeriggio, decalcificare, cordiali saluti", "decalcificare"},
		{"hola, reembolso por favor, muchas gracias", "reembolso"},
		{"Guten Tag, Rückerstattung bitte danke schön", "Rückerstattung bitte"},
		{"Hallo, Notizen synchronisieren, vielen Dank im Voraus", "Notizen synchronisieren"},
		{"Notizen synchronisieren, besten Dank", "Notizen synchronisieren"},
		{"Notizen synchronisieren, vielen lieben Dank", "Notizen synchronisieren"},
		{"Notizen synchronisieren, herzlichen Dank!", "Notizen synchronisieren"},
		{"Notizen synchronisieren, danke vorab", "Notizen synchronisieren"},
		{"Notizen synchronisieren. MfG", "Notizen synchronisieren"},
		{"Notizen synchronisieren, danke sehr", "Notizen synchronisieren"},
		{"hey pass*", "pass*"},
		{"hey .NET 4.", ".NET 4."},
		{"oi, tudo bem? cancelar o plano", "cancelar o plano"},
		{"oi tudo bem, como cancelo", "como cancelo"},
		{"Olá, tudo bom? erro E-12", "erro E-12"},
		{"ciao, tutto bene? come pago", "come pago"},
		{"bom dia, como cancelo", "como cancelo"},
		{"Hello - how do I pause", "how do I pause"},
		// A hyphen right after a greeting makes a word, not a greeting.
		{"hi-fi headphones", "hi-fi headphones"},
		{"salve-vidas", "salve-vidas"},
		{"hey-ho refund", "hey-ho refund"},
		// Only courtesy, or none: as typed.
		{"thanks a lot", "thanks a lot"},
		{"good morning", "good morning"},
		{"pass *", "pass *"},
		{"pause in advance", "pause in advance"},
		{"thank you page", "thank you page"},
		{"Dank an das Team", "Dank an das Team"},
		{"empty cart", "empty cart"},
		{"skip a week th", "skip a week th"},
	} {
		if got := TrimCourtesy(tt.in); got != tt.want {
			t.Errorf("TrimCourtesy(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestOnlyCourtesy: text of greetings, pleas and sign-offs alone asks
// nothing; a word beside them, or one that starts like them, does.
func TestOnlyCourtesy(t *testing.T) {
	for _, c := range []struct {
		s    string
		only bool
	}{
		{"boa tarde", true}, {"olá, bom dia", true},
		// Opening punctuation before the greeting (rv19n: "¡Buenos días!"
		// found an article on delivery times).
		{"¡Buenos días!", true}, {"¿buenos días?", true}, {"«buenos días»", true}, {"(buenos días)", true}, {"...buenos días", true}, {"oi tudo bem", true}, {"Hello!", true},
		{"thanks a lot", true}, {"hi, thanks", true}, {"bonjour merci", true}, {"  ", false},
		{"hi-fi", false}, {"hiking", false}, {"boa tarde, estorno", false}, {"thanks page", false},
		{"hello world", false}, {"obrigado", true}, {"grazie mille", true},
	} {
		if got := OnlyCourtesy(c.s); got != c.only {
			t.Errorf("OnlyCourtesy(%q) = %v, want %v", c.s, got, c.only)
		}
	}
}

// TestCourtesyEdgeWords: the words courtesy begins and ends with, read
// from the patterns, hold those of every language's greetings, pleas and
// sign-offs, so that the check that skips the patterns for a text without
// them changes no answer; and words that begin or end no courtesy are not
// among them.
func TestCourtesyEdgeWords(t *testing.T) {
	for _, w := range []string{"hello", "hi", "dear", "bonjour", "hola", "oi", "olá", "tudo", "liebe", "buongiorno", "please", "s", "perfavore", "per"} {
		if !courtesyFirst[w] {
			t.Errorf("%q begins no courtesy", w)
		}
	}
	for _, w := range []string{"thanks", "thx", "regards", "advance", "aide", "cordialement", "gracias", "grüßen", "grussen", "mfg", "mille", "obrigado", "agradeço", "groeten", "شكرا", "شكراً", "please", "plaît", "plait", "favor", "favore", "help"} {
		if !courtesyLast[w] {
			t.Errorf("%q ends no courtesy", w)
		}
	}
	for _, w := range []string{"refund", "password", "cancel", "the", "my"} {
		if courtesyFirst[w] || courtesyLast[w] {
			t.Errorf("%q is read as courtesy's edge", w)
		}
	}
}
