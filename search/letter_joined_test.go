package search

import (
	"context"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestLetterTypedApartIsTheJoinedWord: a single letter typed apart from the
// word it makes a known spelling with — a synonym entry ("e ticket" for
// "e-ticket") or a word the articles write ("e mail" for "email") — is
// that spelling, not the letter: "e ticket" listed an article for the "e"
// of its "e.g." and its "tickets", with the "e" highlighted (rv23h).
// A letter that makes no known spelling stays a word ("vitamin e").
func TestLetterTypedApartIsTheJoinedWord(t *testing.T) {
	lib := &site.Library{
		Config:   site.Config{DefaultLocale: "en", Locales: []string{"en"}},
		Synonyms: map[string][][]string{"en": {{"e-ticket", "mobile ticket"}}},
		Hash:     "letterjoined",
		Articles: []*site.Article{
			art("eticket", "en", "tickets", "Print your e-ticket", "Your e-ticket is a PDF.", nil, sec("", "", "Open the e-ticket and print it at home.")),
			art("mobile", "en", "tickets", "Show a mobile ticket", "At the gate.", nil, sec("", "", "The mobile ticket has a barcode.")),
			art("paper", "en", "tickets", "Lost paper tickets", "Paper tickets are replaced at the desk (e.g. a torn ticket).", nil, sec("", "", "Bring an ID, e.g. a passport, and we print new tickets.")),
			art("email", "en", "account", "Change your email address", "Where receipts go.", nil, sec("", "", "Open settings and type a new email.")),
			art("post", "en", "account", "Mail us a letter", "Our postal address.", nil, sec("", "", "Send mail to the office, e.g. a cheque.")),
			art("vitamin", "en", "shop", "Vitamin E capsules", "What is in them.", nil, sec("", "", "Each capsule has vitamin E.")),
		},
	}
	ix, err := Build(context.Background(), site.NewView(lib, lib.Articles[0].Updated, false), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string][]string{
		"e ticket":       {"Print your e-ticket", "Show a mobile ticket"},
		"e-ticket":       {"Print your e-ticket", "Show a mobile ticket"},
		"print e ticket": {"Print your e-ticket"},
		"e mail":         {"Change your email address"},
		"vitamin e":      {"Vitamin E capsules"},
	} {
		r, err := ix.Search(context.Background(), site.SearchRequest{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		got := titles(r.Hits)
		if q == "vitamin e" || q == "print e ticket" {
			got = got[:min(1, len(got))] // the others are related
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("search %q: %q, want %q", q, got, want)
		}
		for _, h := range r.Hits {
			if q != "vitamin e" && strings.Contains(string(h.Snippet), "<mark>e</mark>.g") {
				t.Errorf("search %q: %s marks the e of e.g.: %s", q, h.Title, h.Snippet)
			}
		}
		if q == "vitamin e" || q == "print e ticket" {
			continue
		}
		s, err := ix.Suggest(context.Background(), site.SearchRequest{Query: q + " "})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range s.Hits {
			if !strings.Contains(strings.Join(want, "|"), h.Title) {
				t.Errorf("suggest %q: %q, want only %q", q, titles(s.Hits), want)
				break
			}
		}
	}
}
