package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestLinkUnknownSubjectWord: a word of the subject that no article
// uses is often what the ticket asks about and the help center lacks
// ("mutuelle": a health insurer's refund, not a refund of a returned
// product): it weighs in the subject as much as the rarest word an
// article uses, so an article that has only the subject's other word is
// its nearest article, not its link. A body's unknown words (names,
// signatures) still weigh little.
func TestLinkUnknownSubjectWord(t *testing.T) {
	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "fr", Locales: []string{"fr"}},
		Hash:       "unknown-subject",
		Categories: []*site.Category{{ID: "aide", Locale: "fr", Title: "Aide"}},
	}
	lib.Articles = []*site.Article{
		art("retour", "fr", "aide", "Retourner un produit", "Remboursement d'un produit retourné.", nil,
			sec("", "", "Renvoyez le produit sous 14 jours : le remboursement arrive sous 5 jours.")),
		art("paiement", "fr", "aide", "Moyens de paiement", "Carte bancaire, Apple Pay, PayPal.", nil,
			sec("", "", "Nous acceptons la carte bancaire et PayPal.")),
		art("livraison", "fr", "aide", "Délais de livraison", "Quand arrive votre colis.", nil,
			sec("", "", "Votre colis arrive en 48 heures en point relais.")),
		art("compte", "fr", "aide", "Supprimer mon compte", "Fermer votre espace client.", nil,
			sec("", "", "Écrivez-nous pour fermer votre compte.")),
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct {
		subject, body string
		linked        string // "" for no link
	}{
		{"Remboursement mutuelle", "", ""},
		{"Remboursement de ma mutuelle ?", "", ""},
		{"Carte vitale", "", ""},
		{"Remboursement d'un retour", "", "retour"},
		{"Retourner un produit", "", "retour"},
		// Names in the body weigh little, as before.
		{"Remboursement d'un retour", "Bonjour, Mme Lefebvre de Dupont SARL attend son remboursement. Cordialement, Anaïs", "retour"},
	} {
		id, conf, err := ix.Link(context.Background(), "fr", tt.subject, tt.body)
		if err != nil {
			t.Fatal(err)
		}
		linked := ""
		if conf >= site.DefaultTicketConfidence {
			linked = id
		}
		if linked != tt.linked {
			t.Errorf("Link(%q, %q) = %s %.2f, want linked to %q", tt.subject, tt.body, id, conf, tt.linked)
		}
	}
}
