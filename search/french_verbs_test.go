package search

import "testing"

// TestFrenchVerbForms: a French verb typed in a form the articles do not
// write is the verb they write ("rends", "rend", "rendez" for "rendre",
// "ouvre" for "ouvrir", "loue" for "louer"): it answers, and is not corrected into another
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
		art("rent", "fr", "aide", "Louer un vélo", "Location.", nil,
			sec("", "", "Pour louer un vélo, scannez son code et choisissez une durée.")),
		art("park", "fr", "aide", "Où garer le vélo", "Stationnement.", nil,
			sec("", "", "Il faut garer le vélo hors des trottoirs.")),
		art("brakes", "fr", "aide", "Freins qui grincent", "Freins.", nil,
			sec("", "", "Si les freins grincent, freinez doucement et signalez le vélo.")),
	)
	lib.Config.DefaultLocale = "fr"
	lib.Config.Locales = []string{"fr"}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, first, dym string }{
		{"comment je rends le vélo", "return", ""},
		{"je rend le velo", "return", ""},
		{"rendez le vélo", "return", ""},
		{"ouvre le cadenas", "open", ""},
		// An -er verb whose infinitive the stemmer cuts to its root
		// ("louer" is "lou", "garer" "gar") while it keeps the short
		// present ("loue", "gare"): the infinitive is its form, not a
		// correction ("comment je louer"), and not only another form
		// ("garez-le" of the return article).
		{"je loue un vélo", "rent", ""},
		{"comment je loue", "rent", ""},
		{"où je gare le vélo", "park", ""},
		{"louez un vélo", "rent", ""},
		{"nous louerons un vélo", "rent", ""},
		// The future of the first person singular and second plural too.
		{"je louerai un vélo", "rent", ""},
		{"vous louerez un vélo", "rent", ""},
		{"gare", "park", ""},
		// A noun typed whole is no verb form of itself: "signal" is not
		// the "signalez" of the brakes article ("pas de signal" answered
		// "Freins qui grincent").
		{"pas de signal", "", ""}, {"signal", "", ""},
		// A typo, no verb form: corrected as before.
		{"cadenat", "open", "cadenas"},
	} {
		r := search(t, ix, tt.q, "fr")
		if tt.first == "" {
			if len(r.Hits) > 0 {
				t.Errorf("Search(%q) = %v (weak %v), want nothing", tt.q, ids(r), r.Weak)
			}
			continue
		}
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.first || r.Weak || r.DidYouMean != tt.dym {
			t.Errorf("Search(%q) = %v (weak %v, did you mean %q), want %s answering, did you mean %q", tt.q, ids(r), r.Weak, r.DidYouMean, tt.first, tt.dym)
		}
	}
}
