package search

import (
	"testing"

	"github.com/guichet/guichet/site"
)

// TestItalianSpanishRequestWords: the words an Italian or Spanish customer
// wraps a question in (greetings and thanks, question words, "posso",
// "vorrei", "puedo", "necesito") say nothing about the answer, as "hi",
// "when", "can" and "need" in English and "quand", "peux", "besoin" in
// French: they neither call the answer weak nor put first an article that
// happens to write them ("puoi disdire quando vuoi" is no answer to
// "quando arriva").
func TestItalianSpanishRequestWords(t *testing.T) {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "it", Locales: []string{"it", "es"}},
		Hash:   "request-words",
		Categories: []*site.Category{
			{ID: "help", Locale: "it", Title: "Aiuto"}, {ID: "help", Locale: "es", Title: "Ayuda"},
		},
		Articles: []*site.Article{
			art("late", "it", "help", "Il pacco non è arrivato", "Cosa fare se il corriere è in ritardo.", nil,
				sec("", "", "Se il pacco non arriva entro la fascia oraria, controlla il tracciamento.")),
			art("cancel", "it", "help", "Disdire il piano", "Disdici in qualsiasi momento.", nil,
				sec("", "", "Puoi disdire quando vuoi, senza penali: il pacco già pronto arriva comunque.")),
			art("address", "it", "help", "Cambiare l'indirizzo", "Modifica l'indirizzo di spedizione.", nil,
				sec("", "", "Apri le impostazioni e scrivi il nuovo indirizzo.")),
			art("late", "es", "help", "El paquete no ha llegado", "Qué hacer si el repartidor se retrasa.", nil,
				sec("", "", "Si el paquete no llega en la franja horaria, revisa el seguimiento.")),
			art("cancel", "es", "help", "Cancelar el plan", "Cancela cuando quieras.", nil,
				sec("", "", "Puedes cancelar el plan cuando quieras, sin penalizaciones.")),
		},
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ query, locale, want string }{
		{"quando arriva il pacco", "it", "late"},
		{"ciao, il pacco non è arrivato", "it", "late"},
		{"buongiorno, come posso cambiare l'indirizzo? grazie", "it", "address"},
		{"buongiorno, come posso cambiare l'indirizzo", "it", "address"},
		{"vorrei disdire il piano", "it", "cancel"},
		{"hola, necesito cancelar el plan", "es", "cancel"},
		{"hola, el paquete no ha llegado, gracias", "es", "late"},
		{"quiero cancelar el plan por favor", "es", "cancel"},
		{"hola, el paquete no ha llegado", "es", "late"},
	} {
		r := search(t, ix, tt.query, tt.locale)
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.want || r.Hits[0].Locale != tt.locale || r.Weak {
			t.Errorf("Search(%q, %s) = %v (weak %t), want %s first, an answer", tt.query, tt.locale, ids(r), r.Weak, tt.want)
		}
		if s := suggest(t, ix, tt.query, tt.locale); len(s.Hits) == 0 || s.Hits[0].ID != tt.want {
			t.Errorf("Suggest(%q, %s) = %v, want %s first", tt.query, tt.locale, ids(s), tt.want)
		}
	}
}

// TestPortugueseGermanRequestWords: greetings, thanks, question words and
// "can", "want", "need" typed around a Portuguese or German question say
// nothing about the answer, as in Italian and Spanish: "olá, onde está
// minha encomenda? obrigado" and "hallo, wann kommt mein Paket? danke"
// were called weak and suggested nothing, since no article writes "olá",
// "obrigado", "hallo" or "danke".
func TestPortugueseGermanRequestWords(t *testing.T) {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "pt-BR", Locales: []string{"pt-BR", "de"}},
		Hash:   "request-words-pt-de",
		Categories: []*site.Category{
			{ID: "help", Locale: "pt-BR", Title: "Ajuda"}, {ID: "help", Locale: "de", Title: "Hilfe"},
		},
		Articles: []*site.Article{
			art("track", "pt-BR", "help", "Rastrear uma encomenda", "Acompanhe a entrega.", nil,
				sec("", "", "Digite o código de rastreamento para ver onde está a encomenda.")),
			art("cancel", "pt-BR", "help", "Cancelar o plano", "Cancele quando quiser.", nil,
				sec("", "", "Você pode cancelar o plano a qualquer momento.")),
			art("track", "de", "help", "Sendung verfolgen", "Wo Ihr Paket gerade ist.", nil,
				sec("", "", "Geben Sie die Sendungsnummer ein, um Ihr Paket zu verfolgen.")),
			art("cancel", "de", "help", "Abo kündigen", "Kündigen Sie jederzeit.", nil,
				sec("", "", "Sie können Ihr Abo jederzeit kündigen.")),
		},
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ query, locale, want string }{
		{"olá, onde está minha encomenda? obrigado", "pt-BR", "track"},
		{"oi, onde está minha encomenda", "pt-BR", "track"},
		{"ola, preciso cancelar o plano, obrigada", "pt-BR", "cancel"},
		{"gostaria de cancelar o plano por favor", "pt-BR", "cancel"},
		{"hallo, wo ist mein Paket? danke", "de", "track"},
		{"hallo, wann kann ich mein Paket verfolgen?", "de", "track"},
		{"ich möchte mein Abo kündigen, bitte", "de", "cancel"},
		{"Servus, ich möchte mein Abo kündigen, vielen Dank", "de", "cancel"},
		{"warum kann ich mein Abo nicht kündigen? Danke", "de", "cancel"},
	} {
		r := search(t, ix, tt.query, tt.locale)
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.want || r.Hits[0].Locale != tt.locale || r.Weak {
			t.Errorf("Search(%q, %s) = %v (weak %t), want %s first, an answer", tt.query, tt.locale, ids(r), r.Weak, tt.want)
		}
		if s := suggest(t, ix, tt.query, tt.locale); len(s.Hits) == 0 || s.Hits[0].ID != tt.want {
			t.Errorf("Suggest(%q, %s) = %v, want %s first", tt.query, tt.locale, ids(s), tt.want)
		}
	}
}
