package search

import "testing"

// TestSuggestTrailingStopWord: a stop word typed last ("thanks",
// "please", "the") only reorders what the words before it find, as stop
// words do anywhere in a query; it still completes a word it begins.
func TestSuggestTrailingStopWord(t *testing.T) {
	lib := helpLibrary("suggest-trailing-stop",
		art("skip", "en", "plans", "Skip a week", "No delivery that week.", nil,
			sec("", "", "You can skip a week of deliveries from the Plans page.")),
		art("pause", "en", "plans", "Pause your plan", "Up to four weeks.", nil,
			sec("", "", "Pause deliveries for up to four weeks.")),
		art("theme", "en", "plans", "Change the theme of the app", "Dark or light.", nil,
			sec("", "", "Pick a theme in Settings.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first string }{
		{"skip a week", "skip"},
		{"skip a week thanks", "skip"},
		{"skip a week please", "skip"},
		{"skip week the", "skip"},
		{"pause plan thank", "pause"},
		{"skip a week thx", "skip"},
		{"change the", "theme"},
		{"change the theme", "theme"},
	} {
		if got := ids(suggest(t, ix, tt.q, "en")); len(got) == 0 || got[0] != tt.first {
			t.Errorf("Suggest(%q) = %v, want %s first", tt.q, got, tt.first)
		}
	}
}

// TestSuggestFrenchPoliteEnding: "merci beaucoup" and "s'il vous plaît"
// typed last say nothing, as "merci" and "svp" do: the suggestions stay.
func TestSuggestFrenchPoliteEnding(t *testing.T) {
	lib := helpLibrary("suggest-polite-fr",
		art("batt", "fr", "aide", "Charger la batterie", "Deux heures.", nil, sec("", "", "Branchez le chargeur.")),
		art("vol", "fr", "aide", "Votre premier vol", "Décoller.", nil, sec("", "", "Calibrez la boussole.")),
	)
	lib.Config.DefaultLocale, lib.Config.Locales = "fr", []string{"fr"}
	ix := buildLib(t, lib, "")
	for _, q := range []string{"charger batterie merci beaucoup", "charger batterie s'il vous plaît", "charger batterie s'il vous plait"} {
		if got := ids(suggest(t, ix, q, "fr")); len(got) == 0 || got[0] != "batt" {
			t.Errorf("Suggest(%q) = %v, want batt first", q, got)
		}
	}
}
