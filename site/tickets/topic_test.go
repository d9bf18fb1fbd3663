package tickets

import "testing"

// TestTopic: forwarding and greeting noise is cleaned from subjects, in
// English and French, and what the ticket asks is kept.
func TestTopic(t *testing.T) {
	for _, c := range []struct{ subject, want string }{
		{"Fwd: Help: How do I cancel my subscription? since yesterday, thanks", "How do I cancel my subscription"},
		{"RE: RE: Reset your password", "Reset your password"},
		{"Re[2]: Change plan", "Change plan"},
		{"FW: [Ticket #123] Invoice missing", "Invoice missing"},
		{"TR: Bonjour, je n'arrive pas à réinitialiser mon mot de passe, merci d'avance", "réinitialiser mon mot de passe"},
		{"Hello, can't figure out how to export my data!!!", "export my data!"},
		{"Hi team - I can’t figure out how to add a staff member", "add a staff member"},
		{"Calendar sync not working since the update", "Calendar sync"},
		{"URGENT!!! Refund (order 4821) please help", "Refund"},
		{"Problème : facture introuvable depuis la mise à jour", "facture introuvable"},
		{"Question about VAT on invoices???", "Question about VAT on invoices?"},
		{"Aidez-moi svp : impossible de me connecter", "me connecter"},
		{"Sync your Google Calendar - ne fonctionne plus depuis hier, cordialement", "Sync your Google Calendar"},
		{"Please help: SMS reminders not sent ASAP", "SMS reminders not sent"},
		{"Delete my account. Thanks in advance!", "Delete my account"},
		{"Dear Anna, refund for order 12", "refund for order 12"},
		{"Hello, dont know how to refund a client thx", "refund a client"},
		{"I don't know how to export my data", "export my data"},
		{"cant figure out how to export my data", "export my data"},
		{"je narrive pas a me connecter", "me connecter"},
		{"Bonjour, je ne sais pas comment rembourser un client", "rembourser un client"},
		// What is not noise stays.
		{"Hiking boots", "Hiking boots"},
		{"Help center search", "Help center search"},
		{"Thanks", "Thanks"},
		{"Re: ", "Re:"},
		{"Refund not working", "Refund"},
		{"Thank you email template", "Thank you email template"},
	} {
		if got := Topic(c.subject); got != c.want {
			t.Errorf("Topic(%q) = %q, want %q", c.subject, got, c.want)
		}
	}
}
