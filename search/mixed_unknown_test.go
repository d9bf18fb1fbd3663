package search

import (
	"testing"

	"github.com/guichet/guichet/site"
)

// TestMixedInWordsNoLocaleHas: an article of the default locale mixed into
// another locale's results leaves out the words the default locale does
// not know because they are words of the reader's language ("vélo" on the
// French site); a word neither locale's articles have is a word no article
// has, and counts against the result as it does in either locale alone.
// "mot de passe oublié" on a French site of two articles was answered by
// the English "Monthly pass" (its "passe" read as "pass", "mot" and
// "oublié" left out), not called weak, where the English site calls it
// weak: the gap report counted its searches as results nobody opened and
// told the team that the monthly pass was shown first (newcomer rv26a).
func TestMixedInWordsNoLocaleHas(t *testing.T) {
	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "en", Locales: []string{"en", "fr"}},
		Hash:       "mixed-unknown",
		Categories: []*site.Category{{ID: "help", Locale: "en", Title: "Help"}, {ID: "help", Locale: "fr", Title: "Aide"}},
	}
	lib.Articles = []*site.Article{
		art("pass", "en", "help", "Monthly pass", "Unlimited rides for a fixed monthly price.", nil,
			sec("", "", "Buy the pass in the wallet. It renews every month until you cancel it.")),
		art("promo", "en", "help", "Apply a promo code", "Enter a promo code before you pay.", nil,
			sec("", "", "Codes are valid once per account.")),
		art("unlock", "en", "help", "How do I unlock a bike?", "Scan the QR code on the handlebar.", nil,
			sec("", "", "The lock opens with a beep.")),
		art("refund", "en", "help", "Get a refund for a ride", "When a ride was charged by mistake.", nil,
			sec("", "", "Refunds go back to your card within 5 working days.")),
		art("unlock", "fr", "help", "Comment déverrouiller un vélo ?", "Scannez le QR code sur le guidon.", nil,
			sec("", "", "Le cadenas s'ouvre avec un bip.")),
		art("end", "fr", "help", "Comment terminer un trajet", "Garez le vélo dans une zone verte.", nil,
			sec("", "", "Abaissez le levier du cadenas.")),
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct {
		query, locale string
		weak          bool
		first         string
	}{
		{"mot de passe oublié", "fr", true, ""},
		{"passe zorglub blorp", "fr", true, ""},
		{"mot de passe oublié", "en", true, ""},
		{"code promo", "fr", false, "promo"},
		{"code promo vélo", "fr", false, "promo"},
		{"pass", "fr", false, "pass"},
	} {
		r := search(t, ix, tt.query, tt.locale)
		if r.Weak != tt.weak {
			t.Errorf("Search(%q, %s).Weak = %v, want %v (hits %v)", tt.query, tt.locale, r.Weak, tt.weak, ids(r))
		}
		if tt.first != "" && (len(r.Hits) == 0 || r.Hits[0].ID != tt.first) {
			t.Errorf("Search(%q, %s) = %v, want %s first", tt.query, tt.locale, ids(r), tt.first)
		}
	}
}
