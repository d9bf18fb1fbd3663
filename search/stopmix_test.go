package search

import (
	"context"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestLocalStopWordsNotSearchedInDefault: a word the reader's language
// reads as a stop word is no word of the question in the default locale
// either: the Portuguese "e" ("and") of "banho e tosa" found the English
// article about an "e-mail" link (translated, so shown as the Portuguese
// one, as an answer, not weak), where nothing answers.
func TestLocalStopWordsNotSearchedInDefault(t *testing.T) {
	lib := &site.Library{Config: site.Config{DefaultLocale: "en", Locales: []string{"en", "pt"}}, Hash: "stopmix"}
	lib.Articles = append(lib.Articles,
		art("reset", "en", "help", "Reset your password", "", nil, sec("", "", "Follow the e-mail link to choose a new password.")),
		art("reset", "pt", "help", "Redefinir a palavra-passe", "", nil, sec("", "", "Siga a ligação do e-mail para escolher outra palavra-passe.")),
		art("invoice", "pt", "help", "Pagar uma fatura", "", nil, sec("", "", "Pague com cartão ou na clínica.")),
		art("vaccines", "en", "help", "Vaccination schedule", "", nil, sec("", "", "Puppies get their first vaccines at 8 weeks.")))
	ix, err := Build(context.Background(), testView(lib), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, q := range []string{"banho e tosa", "xyzzy e"} {
		if r := search(t, ix, q, "pt"); len(r.Hits) > 0 {
			t.Errorf("Search(%q, pt) = %v (weak %v), want nothing: only the stop word \"e\" matches", q, ids(r), r.Weak)
		}
	}
	// The default locale's articles still complete the reader's search on
	// the words that mean something.
	if r := search(t, ix, "vaccines e puppies", "pt"); len(r.Hits) == 0 || r.Hits[0].ID != "vaccines" {
		t.Errorf("Search(vaccines e puppies, pt) = %v, want vaccines", ids(r))
	}
	// A hyphenated word keeps its parts: "e-mail" is not "mail".
	if r := search(t, ix, "link e-mail", "pt"); len(r.Hits) == 0 || r.Hits[0].ID != "reset" {
		t.Errorf("Search(link e-mail, pt) = %v, want reset", ids(r))
	}
}
