package search

import "testing"

// TestDutchApostrophePlurals: a Dutch noun in a vowel takes 's in the
// plural ("foto's", "auto's"): "fotos" and "foto" found nothing where an
// article writes "foto's" (a newcomer, rv20g). A word whose own ending is
// -us or -is keeps it ("status").
func TestDutchApostrophePlurals(t *testing.T) {
	lib := helpLibrary("dutch-plurals",
		art("photos", "nl", "help", "Foto's van de schade uploaden", "Schade.", nil, sec("", "", "Stuur foto’s van je koffer.")),
		art("status", "nl", "help", "De status van je claim", "Claim.", nil, sec("", "", "Bekijk de status in de app.")),
	)
	lib.Config.DefaultLocale, lib.Config.Locales = "nl", []string{"nl"}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first string }{
		{"fotos", "photos"},
		{"foto", "photos"},
		{"hoeveel fotos", "photos"},
		{"foto's", "photos"},
		{"status claim", "status"},
	} {
		r := search(t, ix, tt.q, "nl")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.first || r.Weak || r.DidYouMean != "" {
			t.Errorf("Search(%q) = %v (weak %v, did you mean %q), want %s first, answering", tt.q, ids(r), r.Weak, r.DidYouMean, tt.first)
		}
	}
}
