package search

import (
	"context"
	"slices"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestSynonymSpeltJoinedOrApart: a synonyms.yaml entry is one word however
// it is spelt, as the index reads "wi-fi" for "wifi": "e-ticket" is
// matched by "eticket" and "etickets", "wifi" by "wi fi", so a visitor who
// types the other spelling finds the article that uses another entry of
// the group, and the gap report counts one topic.
func TestSynonymSpeltJoinedOrApart(t *testing.T) {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en"}},
		Synonyms: map[string][][]string{"en": {
			{"e-ticket", "mobile ticket"},
			{"wifi", "internet"},
		}},
		Hash: "synjoined",
		Articles: []*site.Article{
			art("mobile", "en", "tickets", "Show your mobile ticket", "Open the app at the gate.", nil, sec("", "", "The mobile ticket has a barcode the guard scans.")),
			art("internet", "en", "onboard", "Internet on board", "Connect to the network.", nil, sec("", "", "Every coach has internet; pick the network named after the train.")),
			art("seats", "en", "onboard", "Choose a seat", "Window or aisle.", nil, sec("", "", "Pick a seat when you book.")),
		},
	}
	ix, err := Build(context.Background(), site.NewView(lib, lib.Articles[0].Updated, false), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]string{
		"eticket":          "Show your mobile ticket",
		"etickets missing": "Show your mobile ticket",
		"wi fi password":   "Internet on board",
	} {
		r, err := ix.Search(context.Background(), site.SearchRequest{Query: q, Verbatim: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) == 0 || r.Hits[0].Title != want {
			t.Errorf("search %q: first hit %v, want %q", q, titles(r.Hits), want)
		}
	}
	an := ix.Analyzer()
	for _, group := range [][]string{
		{"e-ticket", "eticket", "e ticket", "etickets", "mobile ticket"},
		{"wifi", "wi fi", "wi-fi", "internet"},
	} {
		want := an.Analyze("en", group[0]).Terms
		for _, q := range group[1:] {
			if got := an.Analyze("en", q).Terms; !slices.Equal(got, want) {
				t.Errorf("Analyze(%q) terms %v, want %v (as %q)", q, got, want, group[0])
			}
		}
	}
}

// titles lists the hits' titles, for messages.
func titles(hits []site.SearchHit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Title)
	}
	return out
}
