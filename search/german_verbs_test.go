package search

import (
	"testing"

	"github.com/guichet/guichet/site"
)

// TestGermanVerbForms: German participles and the nouns made of a verb
// are that verb where the articles write its infinitive: "gebucht",
// "geöffnet", "Stornierung" and "Stornierungen" found nothing, and
// "storniert" or "zurückgegeben" only through a "did you mean" (a
// newcomer, rv20f). A participle's "ge" goes, after a separable particle
// too ("zurückgegeben" of "zurückgeben").
func TestGermanVerbForms(t *testing.T) {
	arts := []*site.Article{
		art("book", "de", "help", "Ein Fahrrad buchen", "Buchen.", nil, sec("", "", "Wähle ein Rad in der App und tippe auf Jetzt.")),
		art("open", "de", "help", "Das Schloss öffnen", "Schloss.", nil, sec("", "", "Halte das Telefon an das Schloss.")),
		art("cancel", "de", "help", "Eine Fahrt stornieren", "Storno.", nil, sec("", "", "Bis zehn Minuten vor Beginn kostenlos.")),
		art("return", "de", "help", "Das Fahrrad zurückgeben", "Rückgabe.", nil, sec("", "", "Stelle es an einer Station ab.")),
		art("money", "de", "help", "Geld zurück", "Erstattung.", nil, sec("", "", "Das Geld kommt in fünf Tagen.")),
	}
	lib := helpLibrary("german-verbs", arts...)
	lib.Config.DefaultLocale, lib.Config.Locales = "de", []string{"de"}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first string }{
		{"gebucht", "book"},
		{"Fahrrad gebucht", "book"},
		{"Schloss geöffnet", "open"},
		{"Stornierung", "cancel"},
		{"Stornierungen", "cancel"},
		{"Fahrt storniert", "cancel"},
		{"Fahrrad zurückgegeben", "return"},
	} {
		r := search(t, ix, tt.q, "de")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.first || r.Weak || r.DidYouMean != "" {
			t.Errorf("Search(%q) = %v (weak %v, did you mean %q), want %s first, answering", tt.q, ids(r), r.Weak, r.DidYouMean, tt.first)
		}
	}
}

// TestGermanShortParticiple: a participle whose verb's root has three
// letters ("geladen" of "laden") is that verb; it was read as a typo of
// "Geld" ("gelden" stems as "Geld" does), and the money article came
// first, its "Geld" marked as the word searched (rv20f).
func TestGermanShortParticiple(t *testing.T) {
	arts := []*site.Article{
		art("charge", "de", "help", "Den Akku laden", "Laden.", nil, sec("", "", "Stecke das Ladegerät ein. Nach vier Stunden ist der Akku voll.")),
		art("money", "de", "help", "Geld zurück bei Ausfall", "Erstattung.", nil, sec("", "", "Wenn das Rad ausfällt, bekommst du dein Geld zurück.")),
		art("read", "de", "help", "Die Anleitung lesen", "Anleitung.", nil, sec("", "", "Die Anleitung liegt dem Rad bei.")),
	}
	lib := helpLibrary("german-short-participle", arts...)
	lib.Config.DefaultLocale, lib.Config.Locales = "de", []string{"de"}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first string }{
		{"geladen", "charge"},
		{"Akku nicht geladen", "charge"},
		{"Anleitung gelesen", "read"},
	} {
		r := search(t, ix, tt.q, "de")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.first || r.DidYouMean != "" {
			t.Errorf("Search(%q) = %v (did you mean %q), want %s first", tt.q, ids(r), r.DidYouMean, tt.first)
		}
		for _, h := range r.Hits {
			if h.ID == "money" {
				t.Errorf("Search(%q) found the money article: %q", tt.q, h.Snippet)
			}
		}
	}
}
