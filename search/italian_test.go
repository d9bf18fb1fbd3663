package search

import (
	"slices"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestItalianShortPlurals: an Italian word of five letters meets its
// plural or singular, as longer words do through the light stemmer, as
// the same word, not as a typo ("did you mean pacco").
func TestItalianShortPlurals(t *testing.T) {
	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "it", Locales: []string{"it"}},
		Hash:       "italian-short",
		Categories: []*site.Category{{ID: "help", Locale: "it", Title: "Aiuto"}},
		Articles: []*site.Article{
			art("parcel", "it", "help", "Il pacco è in ritardo", "Se il corriere tarda.", nil,
				sec("", "", "Controlla il tracciamento del pacco.")),
			art("cards", "it", "help", "Pagare con le carte", "Carte di credito e di debito.", nil,
				sec("", "", "Accettiamo le carte principali.")),
			art("meals", "it", "help", "Quanti pasti ricevo", "Il numero di pasti.", nil,
				sec("", "", "Da tre a cinque pasti a settimana.")),
			art("lakes", "it", "help", "Consegne sui laghi", "Zone servite.", nil,
				sec("", "", "Consegniamo anche sui laghi del nord.")),
		},
	}
	lib.Articles = append(lib.Articles,
		art("mail", "it", "help", "Ricevere la posta", "Lettere e buste.", nil, sec("", "", "La posta arriva ogni mattina nella cassetta.")),
		art("parking", "it", "help", "Trovare posto per l'auto", "Parcheggio.", nil, sec("", "", "I posti auto sono nel cortile.")),
		art("door", "it", "help", "La porta non si apre", "Serratura.", nil, sec("", "", "Controlla la serratura della porta.")),
		art("banks", "it", "help", "Le banche accettate", "Bonifici.", nil, sec("", "", "Tutte le banche italiane.")),
	)
	ix := buildLib(t, lib, "")
	// Masculine and feminine stay apart: "posto" (a place) is no "posta"
	// (mail), "porto" no "porta" (the first version of the rule joined
	// them, and a parking article came first for "posta").
	for _, tt := range []struct{ query, want, not string }{
		{"posta", "mail", "parking"},
		{"poste", "mail", "parking"},
		{"posto", "parking", "mail"},
		{"posti auto", "parking", "mail"},
		{"porta", "door", ""},
		{"banca", "banks", ""},
	} {
		r := search(t, ix, tt.query, "it")
		if got := ids(r); len(got) == 0 || got[0] != tt.want || tt.not != "" && slices.Contains(got, tt.not) {
			t.Errorf("Search(%q) = %v, want %s first and not %q", tt.query, got, tt.want, tt.not)
		}
	}
	for _, tt := range []struct{ query, want string }{
		{"pacchi", "parcel"},
		{"pacchi in ritardo", "parcel"},
		{"carta", "cards"},
		{"carta di credito", "cards"},
		{"pasto", "meals"},
	} {
		r := search(t, ix, tt.query, "it")
		got := ""
		if len(r.Hits) > 0 {
			got = r.Hits[0].ID
		}
		if got != tt.want || r.DidYouMean != "" || r.Weak {
			t.Errorf("Search(%q) = %v (did you mean %q, weak %t), want %q first, as typed", tt.query, ids(r), r.DidYouMean, r.Weak, tt.want)
		}
	}
}

// TestItalianElisions: the elided words Italian writes besides the
// articles bleve's elision list holds (quest', quell', nessun', dov', com',
// cos'…) are cut off their word, in the articles and in the query:
// "quest'ufficio" found nothing where articles write "ufficio", and
// "dov'è il mio pacco", as Italians write it, was weak and suggested
// nothing.
func TestItalianElisions(t *testing.T) {
	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "it", Locales: []string{"it"}},
		Hash:       "italian-elisions",
		Categories: []*site.Category{{ID: "help", Locale: "it", Title: "Aiuto"}},
		Articles: []*site.Article{
			art("hours", "it", "help", "Orari dell'ufficio", "Quando è aperto.", nil,
				sec("", "", "L'ufficio apre alle otto.")),
			art("track", "it", "help", "Tracciare il pacco", "Dove si trova la spedizione.", nil,
				sec("", "", "Inserisci il codice per seguire il pacco.")),
			art("year", "it", "help", "Le novità di quest'anno", "Cosa cambia.", nil,
				sec("", "", "Nuove tariffe per quell'indirizzo.")),
		},
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ query, want string }{
		{"quest'ufficio", "hours"},
		{"orari di quest’ufficio", "hours"},
		{"dov'è il mio pacco", "track"},
		{"ciao, dov'è il mio pacco?", "track"},
		{"com'è l'orario dell'ufficio", "hours"},
		{"anno", "year"},
		{"indirizzo", "year"},
	} {
		r := search(t, ix, tt.query, "it")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.want || r.Weak {
			t.Errorf("Search(%q) = %v (weak %t), want %s first, an answer", tt.query, ids(r), r.Weak, tt.want)
		}
		if s := suggest(t, ix, tt.query, "it"); len(s.Hits) == 0 || s.Hits[0].ID != tt.want {
			t.Errorf("Suggest(%q) = %v, want %s first", tt.query, ids(s), tt.want)
		}
	}
}
