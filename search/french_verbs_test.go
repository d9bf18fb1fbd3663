package search

import "testing"

// TestFrenchVerbForms: a French verb typed in a form the articles do not
// write is the verb they write ("rends", "rend", "rendez" for "rendre",
// "ouvre" for "ouvrir"): it answers, and is not corrected into another
// word ("comment je rends le vélo" was read as "rendu", the participle
// another article writes, and only related articles were shown). A typo
// that is no verb form is still corrected.
func TestFrenchVerbForms(t *testing.T) {
	lib := helpLibrary("french-verbs",
		art("return", "fr", "aide", "Rendre le vélo à une station", "Fin de location.", nil,
			sec("", "", "Pour rendre le vélo, garez-le dans une station et verrouillez-le.")),
		art("fee", "fr", "aide", "Frais hors zone", "Frais.", nil,
			sec("", "", "Des frais s'appliquent si le vélo est rendu hors zone.")),
		art("open", "fr", "aide", "Ouvrir le cadenas", "Cadenas.", nil,
			sec("", "", "Pour ouvrir le cadenas, scannez le code.")),
	)
	lib.Config.DefaultLocale = "fr"
	lib.Config.Locales = []string{"fr"}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first, dym string }{
		{"comment je rends le vélo", "return", ""},
		{"je rend le velo", "return", ""},
		{"rendez le vélo", "return", ""},
		{"ouvre le cadenas", "open", ""},
		// A typo, no verb form: corrected as before.
		{"cadenat", "open", "cadenas"},
	} {
		r := search(t, ix, tt.q, "fr")
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.first || r.Weak || r.DidYouMean != tt.dym {
			t.Errorf("Search(%q) = %v (weak %v, did you mean %q), want %s answering, did you mean %q", tt.q, ids(r), r.Weak, r.DidYouMean, tt.first, tt.dym)
		}
	}
}
