package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestGermanStrongVerbs: the participles and pasts of German strong
// verbs change their vowel ("gezogen" of "ziehen", "verloren" of
// "verlieren"), so the rule that reads "gebucht" as "buchen" missed them:
// "Ich bin umgezogen", the way customers say they moved, found nothing
// where the article's keyword is "umziehen", and "Schlüssel verloren",
// "Geld überwiesen", "Fahrt abgebrochen" found nothing or only related
// articles (a newcomer, rv23d).
func TestGermanStrongVerbs(t *testing.T) {
	arts := []*site.Article{
		art("move", "de", "help", "Lieferadresse ändern", "Sie ziehen um?", []string{"umziehen"},
			sec("", "", "Tragen Sie Ihre neue Adresse unter Konto > Profil ein.")),
		art("key", "de", "help", "Den Schlüssel verlieren", "Ersatz.", nil,
			sec("", "", "Wir schicken Ihnen einen Ersatzschlüssel.")),
		art("transfer", "de", "help", "Geld überweisen", "Bankverbindung.", nil,
			sec("", "", "Unsere Bankverbindung steht auf jeder Rechnung.")),
		art("ride", "de", "help", "Eine Fahrt abbrechen", "Fahrt.", nil,
			sec("", "", "Tippen Sie auf Beenden.")),
		art("offer", "de", "help", "Welche Tarife bieten wir an?", "Tarife.", nil,
			sec("", "", "Monatlich oder jährlich.")),
	}
	lib := helpLibrary("german-strong", arts...)
	lib.Config.DefaultLocale, lib.Config.Locales = "de", []string{"de"}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first string }{
		{"Ich bin umgezogen", "move"},
		{"umgezogen", "move"},
		{"Schlüssel verloren", "key"},
		{"ich verlor meinen Schlüssel", "key"},
		{"Geld überwiesen", "transfer"},
		{"Fahrt abgebrochen", "ride"},
	} {
		r := search(t, ix, tt.q, "de")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.first || r.Weak || r.DidYouMean != "" {
			t.Errorf("Search(%q) = %v (weak %v, did you mean %q), want %s first, answering", tt.q, ids(r), r.Weak, r.DidYouMean, tt.first)
		}
	}
	if id, _, err := ix.Link(context.Background(), "de", "Ich bin umgezogen", ""); err != nil || id != "move" {
		t.Errorf(`Link("Ich bin umgezogen") = %q, %v; want move`, id, err)
	}
}
