package search

import "testing"

// TestSuggestCourtesy: thanks typed last with the words that make it
// warmer ("thanks a lot", "thank you so much", "grazie mille", "grazie in
// anticipo", "cordiali saluti"), and greetings typed first ("hey there",
// "good morning") say nothing, as "thanks" and "merci beaucoup" do: the
// suggestions stay (they were none, since "lot", "much", "mille",
// "anticipo", "hey", "morning" are no stop words); textnorm.TrimCourtesy,
// as ticket topics read them.
func TestSuggestCourtesy(t *testing.T) {
	lib := helpLibrary("suggest-polite-phrases",
		art("skip", "en", "plans", "Skip a week", "No delivery that week.", nil,
			sec("", "", "You can skip a week of deliveries from the Plans page.")),
		art("pause", "en", "plans", "Pause your plan", "Up to four weeks.", nil,
			sec("", "", "Pause deliveries for up to four weeks.")),
		art("decal", "it", "cura", "Come decalcificare il bollitore", "Ogni mese.", nil,
			sec("", "", "Usa acido citrico.")),
	)
	lib.Config.Locales = []string{"en", "it"}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, locale, first string }{
		{"skip a week thanks a lot", "en", "skip"},
		{"skip a week thank you so much", "en", "skip"},
		{"skip a week thank you very much!", "en", "skip"},
		{"skip a week, many thanks", "en", "skip"},
		{"skip a week Thanks A Lot !", "en", "skip"},
		{"skip a week thanks in advance", "en", "skip"},
		{"skip a week kind regards", "en", "skip"},
		{"decalcificare grazie mille", "it", "decal"},
		{"decalcificare grazie tante", "it", "decal"},
		{"decalcificare, grazie in anticipo", "it", "decal"},
		{"decalcificare perfavore", "it", "decal"},
		{"decalcificare cordiali saluti", "it", "decal"},
		{"decalcificare mille grazie", "it", "decal"},
		{"hey skip a week", "en", "skip"},
		{"hey there, skip a week", "en", "skip"},
		{"Good morning, pause plan", "en", "pause"},
		{"buon pomeriggio, decalcificare grazie mille", "it", "decal"},
		{"hi, skip a week please, thanks a lot", "en", "skip"},
		{"bonjour, skip a week merci d'avance", "en", "skip"},
	} {
		if got := ids(suggest(t, ix, tt.q, tt.locale)); len(got) == 0 || got[0] != tt.first {
			t.Errorf("Suggest(%q, %s) = %v, want %s first", tt.q, tt.locale, got, tt.first)
		}
	}
	// A word of such a phrase typed on its own keeps its meaning.
	if got := ids(suggest(t, ix, "pause in advance", "en")); len(got) != 0 {
		t.Errorf("Suggest(pause in advance) = %v, want none (no article says advance)", got)
	}
}
