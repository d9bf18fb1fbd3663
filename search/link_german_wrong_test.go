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

// TestLinkOtherLanguagesWrongWords: the same in Dutch, Spanish, Italian
// and Portuguese ("werkt niet meer", "no funciona", "non funziona più",
// "não funciona"): Dutch had none of these words, and "Accu laadt niet
// meer" weighed "meer" as the rarest word (rv21d).
func TestLinkOtherLanguagesWrongWords(t *testing.T) {
	for _, c := range []struct {
		locale, title, body string
		subjects            []string
	}{
		{"nl", "Accu opladen", "Laad de accu op met de oplader. Een volle lading duurt vier uur.",
			[]string{"Accu laadt niet meer", "Oplader kapot", "Accu opladen lukt niet", "Oplader werkt niet meer", "Accu laadt nog steeds niet"}},
		{"es", "Cargar la batería", "Carga la batería con el cargador. Una carga completa dura cuatro horas.",
			[]string{"Cargador roto", "El cargador no funciona", "La batería sigue sin cargar"}},
		{"it", "Caricare la batteria", "Carica la batteria con il caricatore. Una carica completa dura quattro ore.",
			[]string{"Caricatore rotto", "Il caricatore non funziona", "Caricatore guasto"}},
		{"pt", "Carregar a bateria", "Carregue a bateria com o carregador. Uma carga completa demora quatro horas.",
			[]string{"Carregador quebrado", "O carregador não funciona", "Carregador ainda não funciona"}},
	} {
		lib := helpLibrary("link-wrong-"+c.locale,
			art("charge", c.locale, "help", c.title, c.title+".", nil, sec("", "", c.body)),
			art("range", c.locale, "help", "Range", "Range.", nil, sec("", "", "120 km.")),
			art("invoice", c.locale, "help", "Invoice PDF", "PDF.", nil, sec("", "", "PDF.")),
			art("theft", c.locale, "help", "Theft", "Police.", nil, sec("", "", "Police.")),
		)
		lib.Config.DefaultLocale, lib.Config.Locales = c.locale, []string{c.locale}
		ix := buildLib(t, lib, "")
		for _, subject := range c.subjects {
			if id, score, err := ix.Link(context.Background(), c.locale, subject, ""); err != nil || id != "charge" || score < 0.6 {
				t.Errorf("%s: Link(%q) = %s at %.3f, %v; want charge linked", c.locale, subject, id, score, err)
			}
		}
	}
}
