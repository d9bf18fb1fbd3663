package search

import (
	"context"
	"testing"
)

// TestLinkGermanWrongWords: German words that only say something is wrong
// ("nicht mehr", "kaputt", "funktioniert nicht") weigh as "no longer",
// "broken" and "doesn't work" do in English: "Akku lädt nicht mehr" stayed
// unlinked at 0.45, "mehr" weighing as the rarest word.
func TestLinkGermanWrongWords(t *testing.T) {
	lib := helpLibrary("link-german-wrong",
		art("laden", "de", "akku", "Akku laden", "So laden Sie den Akku richtig.", nil,
			sec("", "", "Laden Sie den Akku mit dem Ladegerät. Eine volle Ladung dauert vier Stunden.")),
		art("reichweite", "de", "akku", "Reichweite des Akkus", "Wie weit Sie kommen.", nil,
			sec("", "", "Mit einer Akkuladung fahren Sie bis zu 120 Kilometer.")),
		art("tauschen", "de", "rad", "Wie tausche ich mein Rad?", "Einmal im Jahr.", nil,
			sec("", "", "Wir tauschen Ihr Rad gegen ein anderes Modell aus.")),
		art("rechnung", "de", "rechnung", "Rechnung herunterladen", "Als PDF.", nil,
			sec("", "", "Ihre Rechnungen finden Sie im Konto.")),
		art("diebstahl", "de", "rad", "Diebstahl melden", "Rad gestohlen?", nil,
			sec("", "", "Erstatten Sie Anzeige bei der Polizei.")),
	)
	ix := buildLib(t, lib, "")
	for _, subject := range []string{"Akku lädt nicht mehr", "Akku lädt nicht", "Ladegerät kaputt", "Akku funktioniert nicht mehr", "Ladegerät defekt"} {
		if id, score, err := ix.Link(context.Background(), "de", subject, ""); err != nil || id != "laden" || score < 0.6 {
			t.Errorf("Link(%q) = %s at %.3f, %v; want laden linked", subject, id, score, err)
		}
	}
}
