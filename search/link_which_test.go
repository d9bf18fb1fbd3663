package search

import (
	"context"
	"testing"
)

// TestLinkWhichWords: a word that says which one, not what ("new",
// "neue", "nouvelle", "otro"), that no article writes, weighed as the
// rarest word: "Neue Lieferadresse" stayed unlinked at 0.5 from the
// article "Lieferadresse ändern" (rv23d), "new address" at 0.5. The
// articles' own words still decide: "New invoice" does not link an
// article about addresses.
func TestLinkWhichWords(t *testing.T) {
	for _, c := range []struct {
		locale, title, body, other string
		subjects                   []string
	}{
		{"de", "Lieferadresse ändern", "Öffnen Sie Ihr Konto und wählen Sie Adressen. Dort können Sie eine Adresse hinzufügen oder ändern.",
			"Rechnung herunterladen", []string{"Neue Lieferadresse", "neue Adresse", "Lieferadresse, die alte ist falsch"}},
		{"en", "Change your delivery address", "Open your account and choose Addresses. There you can add or change an address.",
			"Download an invoice", []string{"New delivery address", "new address", "Another delivery address"}},
		{"fr", "Modifier l'adresse de livraison", "Ouvrez votre compte et choisissez Adresses. Vous pouvez y ajouter ou modifier une adresse.",
			"Télécharger une facture", []string{"Nouvelle adresse de livraison", "nouvelle adresse", "autre adresse de livraison"}},
		{"es", "Cambiar la dirección de entrega", "Abra su cuenta y elija Direcciones. Allí puede añadir o cambiar una dirección.",
			"Descargar una factura", []string{"Nueva dirección de entrega", "otra dirección"}},
	} {
		lib := helpLibrary("link-which-"+c.locale,
			art("address", c.locale, "account", c.title, c.title+".", nil, sec("", "", c.body)),
			art("invoice", c.locale, "billing", c.other, c.other+".", nil, sec("", "", c.other+" PDF.")),
			art("password", c.locale, "account", "Password", "Password.", nil, sec("", "", "Password reset link.")),
			art("delivery", c.locale, "delivery", "Delivery times", "Two days.", nil, sec("", "", "Two to three days.")),
		)
		ix := buildLib(t, lib, "")
		for _, subject := range c.subjects {
			if id, score, err := ix.Link(context.Background(), c.locale, subject, ""); err != nil || id != "address" || score < 0.6 {
				t.Errorf("%s: Link(%q) = %s at %.3f, %v; want address linked", c.locale, subject, id, score, err)
			}
		}
	}
	lib := helpLibrary("link-which-none",
		art("address", "en", "account", "Change your delivery address", "How.", nil, sec("", "", "Open your account and choose Addresses.")),
		art("password", "en", "account", "Reset your password", "Forgot it?", nil, sec("", "", "Click Forgot password.")),
		art("delivery", "en", "delivery", "Delivery times", "Two days.", nil, sec("", "", "Two to three days.")),
		art("plans", "en", "billing", "Plans and prices", "Plans.", nil, sec("", "", "Three plans.")),
	)
	ix := buildLib(t, lib, "")
	if id, score, err := ix.Link(context.Background(), "en", "New invoice", ""); err != nil || id != "" && score >= 0.6 {
		t.Errorf("Link(%q) = %s at %.3f, %v; want nothing linked (no article says invoice)", "New invoice", id, score, err)
	}
}

// TestLinkWhichWordsInBodies: a which-word some article's body writes
// weighed as any word: "Another" linked the article whose body said
// "another device" at 1, and "Nouvelle facture" the article whose body
// wrote both "nouvelle" and "factures" rather than the one about invoices
// (a newcomer, rv24z). It weighs nothing unless a title or keyword writes
// it.
func TestLinkWhichWordsInBodies(t *testing.T) {
	lib := helpLibrary("link-which-bodies",
		art("invoices", "fr", "billing", "Factures et TVA", "Télécharger vos factures.", nil,
			sec("", "", "Chaque mois, votre facture est disponible en PDF dans votre compte.")),
		art("delete", "fr", "account", "Supprimer votre compte", "Fermer le compte.", nil,
			sec("", "", "Avant de supprimer, téléchargez vos factures. Une nouvelle inscription crée un autre compte, sur un autre appareil.")),
		art("password", "fr", "account", "Réinitialiser le mot de passe", "Mot de passe oublié.", nil,
			sec("", "", "Choisissez un nouveau mot de passe.")),
		art("plans", "fr", "billing", "Formules et prix", "Trois formules.", nil,
			sec("", "", "Changez de formule à tout moment.")),
	)
	ix := buildLib(t, lib, "")
	ctx := context.Background()
	for _, subject := range []string{"Nouvelle facture", "Ma nouvelle facture", "Autre facture"} {
		if id, score, err := ix.Link(ctx, "fr", subject, ""); err != nil || id != "invoices" || score < 0.6 {
			t.Errorf("Link(%q) = %s at %.3f, %v; want invoices linked", subject, id, score, err)
		}
	}
	for _, subject := range []string{"Nouvelle", "Autre", "Un autre"} {
		if id, score, err := ix.Link(ctx, "fr", subject, ""); err != nil || score >= 0.6 {
			t.Errorf("Link(%q) = %s at %.3f, %v; want nothing linked", subject, id, score, err)
		}
	}
}
