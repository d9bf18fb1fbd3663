package tickets

import (
	"testing"

	"github.com/guichet/guichet/site"
)

// TestAutoReply: out-of-office messages and bounces, as the common mail
// clients and servers title them in the interface's languages, are no
// customer's question; subjects that only mention the words are.
func TestAutoReply(t *testing.T) {
	for _, tt := range []struct {
		subject string
		tags    []string
		want    bool
	}{
		{"Automatic reply: Re: Refund for order 4821", nil, true},
		{"RE: Automatic reply: Thermostat offline", nil, true},
		{"Out of Office: Your ticket #4821", nil, true},
		{"Out of Office Re: Battery drains fast", nil, true},
		{"Out of office", nil, true},
		{"Auto-Reply: Thanks for your message", nil, true},
		{"Autoreply", nil, true},
		{"Undeliverable: Your password reset", nil, true},
		{"Delivery Status Notification (Failure)", nil, true},
		{"Mail delivery failed: returning message to sender", nil, true},
		{"Réponse automatique : Remboursement", nil, true},
		{"Message d'absence", nil, true},
		{"Absence du bureau : retour le 12", nil, true},
		// Outlook's bounce in French, and the words in brackets as some
		// mail servers and helpdesks title an automatic reply.
		{"Non distribuable : Erreur E21", nil, true},
		{"Non distribuable: RE: Casque", nil, true},
		{"[Auto-Reply] Casque fourni ?", nil, true},
		{"[Réponse automatique] Erreur E21", nil, true},
		{"Absent(e) du bureau : casque", nil, true},
		{"Automatische Antwort: Akku leer", nil, true},
		{"Abwesenheitsnotiz: Rechnung", nil, true},
		{"Respuesta automática: Reembolso", nil, true},
		{"Fuera de la oficina", nil, true},
		{"Risposta automatica: rimborso", nil, true},
		{"Automatisch antwoord: terugbetaling", nil, true},
		{"Resposta automática: reembolso", nil, true},
		// Outlook's and Exchange's Dutch and German out-of-office titles.
		{"Afwezigheidsmelding", nil, true},
		{"Afwezigheidsbericht: Re: bezorging", nil, true},
		{"Afwezigheidsassistent: Re: Abonnement opzeggen", nil, true},
		{"Abwesenheitsmeldung: Rechnung", nil, true},
		// Older Outlook's German out-of-office title and Exchange's German
		// bounce (before the message that bounced).
		{"Abwesend: Re: Rechnung", nil, true},
		{"Nicht zustellbar: AW: Rechnung", nil, true},
		{"[Nicht zustellbar] Rechnung", nil, true},
		// Bounce words that are a customer's words too make a bounce
		// before the reply prefix of the message that bounced.
		{"Niet bezorgd: RE: Uw Kitchly box", nil, true},
		{"Non remis : RE: Remboursement", nil, true},
		{"No entregado: RE: Reembolso", nil, true},
		{"Delivery failure: Re: your order", nil, true},
		{"[Niet bezorgd] Uw bestelling", nil, true},
		{"Refund request", []string{"Auto-Reply"}, true},
		{"Refund request", []string{"out_of_office"}, true},
		// Read receipts, with their colon.
		{"Read: Your refund request", nil, true},
		{"Lu : Remboursement", nil, true},
		{"RE: Gelesen: Akku leer", nil, true},
		{"Not read: Refund", nil, true},
		{"Accusé de réception : Remboursement", nil, true},
		{"Ausencia: Re: su siniestro", nil, true},
		{"Mensaje no entregado: Re: su póliza", nil, true},
		{"RE: Automatic reply: Claim 4821", nil, true},
		// HCL (Lotus) Notes, and Outlook in Swedish, Danish, Finnish,
		// Polish and Czech; an exclamation after the words.
		{"AUTO: Jane Doe is out of the office (returning 12/12/2026)", nil, true},
		{"AUTO: Hans Meier ist außer Haus", nil, true},
		{"Automatiskt svar: Re: Faktura", nil, true},
		{"Automatisk svar: Refund", nil, true},
		{"Automaattinen vastaus: Lasku", nil, true},
		{"Odpowiedź automatyczna: Re: Faktura", nil, true},
		{"Automatická odpověď: Faktura", nil, true},
		{"out of office!!!", nil, true},
		// A customer's subjects.
		{"Auto: scratch on the door after the rental", nil, false},
		{"Auto: Kratzer an der Tür", nil, false},
		{"Out of office!!! and my refund still missing", nil, false},
		{"Fwd: Undeliverable: my claim photos", nil, false},
		{"TR: Réponse automatique : Remboursement", nil, false},
		{"WG: Unzustellbar: Rechnung", nil, false},
		{"Read the manual but still stuck", nil, false},
		{"Lu et approuvé, mais erreur E21", nil, false},
		{"Refund — out of office until Monday", nil, false},
		{"Out of office hours support?", nil, false},
		{"Automatic replies from the app are in English", nil, false},
		{"Automatic reply rules for my team inbox", nil, false},
		{"Undeliverable parcel, where is my order", nil, false},
		{"Non distribuable, mon colis", nil, false},
		{"Colis non distribuable", nil, false},
		{"[Urgent] Réponse automatique du vélo ?", nil, false},
		{"Refund request", []string{"refund", "billing"}, false},
		// A delivery business's customers write the same words about
		// what did not come.
		{"Niet bezorgd: mijn box van dinsdag", nil, false},
		{"Niet bezorgd", nil, false},
		{"Niet afgeleverd - box van 28 november", nil, false},
		{"Non remis : ma box de mardi", nil, false},
		{"No entregado: mi caja", nil, false},
		{"Não entregue: minha caixa", nil, false},
		{"Delivery failure: box left in the rain", nil, false},
		{"Nicht zustellbar: mein Paket", nil, false},
		{"Abwesend beim Liefertermin, Paket weg", nil, false},
	} {
		tk := site.Ticket{Subject: tt.subject, Tags: tt.tags, Source: "api"}
		if got := AutoReply(tk); got != tt.want {
			t.Errorf("AutoReply(%q, tags %v) = %v, want %v", tt.subject, tt.tags, got, tt.want)
		}
	}
	if AutoReply(site.Ticket{Subject: "Out of office", Source: "contact"}) {
		t.Error("AutoReply(a contact form's request) = true, want false: a person typed it")
	}
}
