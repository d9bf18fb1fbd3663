package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestGermanChangeIsAWord: "ändern" (to change) and "ändere" (I change),
// folded to "andern" and "andere", are forms of "ander" (other) in bleve's
// German stop list, so they were dropped from every query and every text:
// "ändern" alone had "only very common words" (and could not be
// subscribed to), "Adresse ändern" put the password article, whose first
// sentence writes "E-Mail-Adresse", above "Lieferadresse ändern", and the
// ticket "Wie ändere ich meine Adresse?" was linked to it (a newcomer,
// rv23d).
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
		{"Wie ändere ich meine Adresse?", "address"},
		{"ich ändere mein Passwort", "change"},
	} {
		r := search(t, ix, tt.q, "de")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.first || r.Weak || r.CommonWords {
			t.Errorf("Search(%q) = %v (weak %v, common words %v), want %s first, answering", tt.q, ids(r), r.Weak, r.CommonWords, tt.first)
		}
	}
	if r := search(t, ix, "ändern", "de"); r.CommonWords || len(r.Hits) < 2 || r.Hits[0].ID == "other" || r.Hits[1].ID == "other" {
		t.Errorf(`Search("ändern") = %v (common words %v), want the two articles titled with it first`, ids(r), r.CommonWords)
	}
	// A ticket asks the same way: it was linked to the password article.
	if id, _, err := ix.Link(context.Background(), "de", "Wie ändere ich meine Adresse?", ""); err != nil || id != "address" {
		t.Errorf(`Link("Wie ändere ich meine Adresse?") = %q, %v; want address`, id, err)
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
