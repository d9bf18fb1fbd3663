package search

import (
	"testing"

	"github.com/guichet/guichet/site"
)

// TestCorrectionInCompound: a word corrected toward one the content writes
// only inside a compound ("on-premises", "add-in") is shown as that part of
// the compound, never as the word typed, so "Showing results for" never
// repeats the query typed.
func TestCorrectionInCompound(t *testing.T) {
	lib := helpLibrary("compound-correction",
		art("hybrid", "en", "help", "Move on-premises mailboxes", "Hybrid set-up.", nil,
			sec("", "", "Move on-premises mailboxes to the cloud with the hybrid wizard.")),
		art("addins", "en", "help", "Install an add-in", "Extend the mail app.", nil,
			sec("", "", "Open the store and install the add-in you need.")),
		art("print", "en", "help", "Print a calendar", "Paper copies.", nil,
			sec("", "", "Choose print in the file menu.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ query, want, first string }{
		{"premsies mailboxes", "premises mailboxes", "hybrid"},
	} {
		r := search(t, ix, tt.query, "en")
		if r.DidYouMean != tt.want {
			t.Errorf("Search(%q): did you mean %q, want %q (hits %v)", tt.query, r.DidYouMean, tt.want, ids(r))
		}
		if len(r.Hits) == 0 || r.Hits[0].ID != tt.first {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, ids(r), tt.first)
		}
	}
}

// TestCorrectionUndoubled: a doubled letter typed once is the likeliest
// slip, so "permisions" is read as "permissions" even where "premises" (a
// swap away from "premisions") is the more frequent word.
func TestCorrectionUndoubled(t *testing.T) {
	lib := helpLibrary("undoubled-correction",
		art("hybrid", "en", "help", "Move on-premises mailboxes", "Hybrid set-up.", nil,
			sec("", "", "Move mailboxes from your premises to the cloud.")),
		art("visit", "en", "help", "Visit our premises", "Opening hours.", nil,
			sec("", "", "The premises open at nine.")),
		art("perms", "en", "help", "Set folder permissions", "Who sees what.", nil,
			sec("", "", "Give people permissions on a folder.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ query, want, first string }{
		{"permisions", "permissions", "perms"},
		{"folder permisions", "folder permissions", "perms"},
		{"adress", "", ""}, // no article has it: nothing to correct toward
	} {
		r := search(t, ix, tt.query, "en")
		if r.DidYouMean != tt.want {
			t.Errorf("Search(%q): did you mean %q, want %q (hits %v)", tt.query, r.DidYouMean, tt.want, ids(r))
		}
		if tt.first != "" && (len(r.Hits) == 0 || r.Hits[0].ID != tt.first) {
			t.Errorf("Search(%q) = %v, want %s first", tt.query, ids(r), tt.first)
		}
	}
}

// TestCorrectionNearWhatWasTyped: a correction is a typo's. A variant of a
// word the content lacks that the stemmer reads as another word (French
// "récupération" with a letter left out stems as "reçu" does) is no
// correction: no article writes anything near what was typed, so there is
// no "did you mean reçu" and the query runs as typed. A real typo is still
// corrected.
func TestCorrectionNearWhatWasTyped(t *testing.T) {
	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "fr", Locales: []string{"fr"}},
		Hash:       "near-typed",
		Categories: []*site.Category{{ID: "aide", Locale: "fr", Title: "Aide"}},
	}
	lib.Articles = []*site.Article{
		art("recu", "fr", "aide", "Envoyer un reçu au client", "Le reçu part par e-mail.", nil,
			sec("", "", "Chaque paiement donne un reçu.")),
		art("codes", "fr", "aide", "Codes de connexion", "Les codes à usage unique.", nil,
			sec("", "", "Gardez vos codes en lieu sûr.")),
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ query, dym string }{
		{"codes de récupération", ""},
		{"récupération", ""},
		{"codes de connexoin", "codes de connexion"},
	} {
		if got := search(t, ix, tt.query, "fr").DidYouMean; got != tt.dym {
			t.Errorf("Search(%q) did you mean %q, want %q", tt.query, got, tt.dym)
		}
	}
}

// TestCorrectionNearestForm: a correction is shown as the form the article
// writes nearest to what was typed: "casqe" is "casque" (one letter left
// out), not the title's "casques" (two letters away), though both are one
// word once stemmed.
func TestCorrectionNearestForm(t *testing.T) {
	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "fr", Locales: []string{"fr"}},
		Hash:       "nearest-form-correction",
		Categories: []*site.Category{{ID: "aide", Locale: "fr", Title: "Aide"}},
	}
	lib.Articles = []*site.Article{
		art("casques", "fr", "aide", "Casques et sécurité", "Rouler protégé.", nil,
			sec("", "", "Le casque est conseillé ; prêtez-le à un ami.")),
		art("stations", "fr", "aide", "Stations pleines", "Où rendre le vélo.", nil,
			sec("", "", "Cherchez une autre station sur la carte.")),
		art("paiement", "fr", "aide", "Carte refusée", "Paiement.", nil,
			sec("", "", "Vérifiez la date d'expiration de la carte.")),
	}
	ix := buildLib(t, lib, "")
	r := search(t, ix, "casqe", "fr")
	if r.DidYouMean != "casque" {
		t.Errorf("Search(%q): did you mean %q, want %q (hits %v)", "casqe", r.DidYouMean, "casque", ids(r))
	}
}

// TestCorrectionOfShortWordKeepsItsLength: a short word is never corrected
// into one two letters shorter through a variant the stemmer cuts as an
// inflection: "good" (one typo from "goed", which Porter2 makes "go") was
// corrected to "go" and answered by "Tips go to the rider" (a newcomer,
// rv19l); a typo of the same length still is corrected.
func TestCorrectionOfShortWordKeepsItsLength(t *testing.T) {
	lib := helpLibrary("correct-short-length",
		art("tip", "en", "help", "Leave a tip for your rider", "Tips.", nil, sec("", "", "Tips go to the rider in full.")),
		art("pay", "en", "help", "Pay for an order", "Pay.", nil, sec("", "", "You are charged when the order is placed.")),
	)
	ix := buildLib(t, lib, "")
	for _, q := range []string{"good", "gold", "good morning"} {
		if r := search(t, ix, q, "en"); len(r.Hits) != 0 || r.DidYouMean != "" {
			t.Errorf("Search(%q) = %v, did you mean %q; want nothing", q, ids(r), r.DidYouMean)
		}
	}
	if r := search(t, ix, "rdier", "en"); r.DidYouMean != "rider" {
		t.Errorf("Search(rdier): did you mean %q, want rider", r.DidYouMean)
	}
}
