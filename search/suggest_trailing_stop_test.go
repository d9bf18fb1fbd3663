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
		{"change the", "theme"},
		{"change the theme", "theme"},
	} {
		if got := ids(suggest(t, ix, tt.q, "en")); len(got) == 0 || got[0] != tt.first {
			t.Errorf("Suggest(%q) = %v, want %s first", tt.q, got, tt.first)
		}
	}
}
