package search

import (
	"testing"

	"github.com/guichet/guichet/site"
)

// TestGermanChangeIsAWord: "ändern" (to change), folded to "andern", is
// the dative of "ander" (other) in bleve's German stop list, so it was
// dropped from every query and every text: "ändern" alone had "only very
// common words" (and could not be subscribed to), "Passwort ändern" ranked
// "Passwort vergessen" as high as "Passwort ändern", and "Adresse ändern"
// put the password article, whose first sentence writes
// "E-Mail-Adresse", above "Lieferadresse ändern" (a newcomer, rv23d).
func TestGermanChangeIsAWord(t *testing.T) {
	arts := []*site.Article{
		art("forgot", "de", "help", "Passwort vergessen", "Geben Sie Ihre E-Mail-Adresse ein und folgen Sie dem Link.", nil,
			sec("", "", "Geben Sie Ihre E-Mail-Adresse ein und folgen Sie dem Link, den wir Ihnen schicken.")),
		art("change", "de", "help", "Passwort ändern", "Unter Konto > Sicherheit.", nil,
			sec("", "", "Öffnen Sie Konto > Sicherheit und tippen Sie auf Passwort.")),
		art("address", "de", "help", "Lieferadresse ändern", "Sie ziehen um?", nil,
			sec("", "", "Sie ziehen um? Tragen Sie Ihre neue Adresse unter Konto > Profil ein.")),
		art("other", "de", "help", "Mit anderen Fahrern teilen", "Teilen.", nil,
			sec("", "", "Laden Sie die andern Fahrer in Ihr Konto ein.")),
	}
	lib := helpLibrary("german-change", arts...)
	lib.Config.DefaultLocale, lib.Config.Locales = "de", []string{"de"}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first string }{
		{"Passwort ändern", "change"},
		{"Passwort andern", "change"},
		{"Adresse ändern", "address"},
		{"ändern Passwort", "change"},
		{"Änderung der Lieferadresse", "address"},
	} {
		r := search(t, ix, tt.q, "de")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.first || r.Weak || r.CommonWords {
			t.Errorf("Search(%q) = %v (weak %v, common words %v), want %s first, answering", tt.q, ids(r), r.Weak, r.CommonWords, tt.first)
		}
	}
	if r := search(t, ix, "ändern", "de"); r.CommonWords || len(r.Hits) < 2 || r.Hits[0].ID == "other" || r.Hits[1].ID == "other" {
		t.Errorf(`Search("ändern") = %v (common words %v), want the two articles titled with it first`, ids(r), r.CommonWords)
	}
	for _, tt := range []struct{ q, first string }{
		{"passwort ände", "change"},
		{"adresse ändern", "address"},
	} {
		r := suggest(t, ix, tt.q, "de")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.first || r.CommonWords {
			t.Errorf("Suggest(%q) = %v (common words %v), want %s first", tt.q, ids(r), r.CommonWords, tt.first)
		}
	}
}
