package search

import (
	"context"
	"slices"
	"testing"

	"github.com/guichet/guichet/site"
)

func TestTermsGroupsQueriesThatMeanTheSame(t *testing.T) {
	lib := &site.Library{
		Config:   site.Config{DefaultLocale: "en", Locales: []string{"en", "fr"}},
		Synonyms: map[string][][]string{"en": {{"bike", "bicycle", "velo"}}},
		Hash:     "terms",
		Articles: []*site.Article{
			art("trains", "en", "travel", "Trains and luggage", "Take luggage on the train.", nil, sec("", "", "Bicycles are allowed on regional trains.")),
			art("trains", "fr", "travel", "Les trains", "Bagages.", nil, sec("", "", "Les vélos sont acceptés dans les trains régionaux.")),
		},
	}
	ix, err := Build(context.Background(), site.NewView(lib, lib.Articles[0].Updated, false), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	same := [][]string{
		{"bike on train", "Bicycle trains", "take my bikes on the train", "velo train", "train bike"},
	}
	for _, group := range same {
		want := ix.Terms("en", group[0])
		if len(want) == 0 {
			t.Fatalf("no terms for %q", group[0])
		}
		for _, q := range group[1:] {
			got := ix.Terms("en", q)
			// "take" is an extra meaningful word; the rest must match.
			got = slices.DeleteFunc(got, func(s string) bool { return s == "take" })
			if !slices.Equal(got, want) {
				t.Errorf("Terms(%q) = %v, want %v (as %q)", q, got, want, group[0])
			}
		}
	}
	if got := ix.Terms("fr", "vélos train"); !slices.Equal(got, ix.Terms("fr", "le velo dans un train")) {
		t.Errorf("French terms differ: %v", got)
	}
	if got := ix.Terms("de", "bike"); !slices.Equal(got, ix.Terms("en", "bike")) {
		t.Errorf("unknown locale does not use the default: %v", got)
	}
}

// TestTermsKeepMissingWords: a word the content lacks is kept as typed
// (never "corrected" into a content word: it says what is missing).
func TestTermsKeepMissingWords(t *testing.T) {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en"}},
		Hash:   "terms2",
		Articles: []*site.Article{
			art("logs", "en", "help", "Export your logs", "Download the log of a year.", nil, sec("", "", "Parts and years.")),
		},
	}
	ix, err := Build(context.Background(), site.NewView(lib, lib.Articles[0].Updated, false), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]string{"dogs": "dog", "parking": "park", "near": "near"} {
		if got := ix.Terms("en", q); len(got) != 1 || got[0] != want {
			t.Errorf("Terms(%q) = %v, want [%s]", q, got, want)
		}
	}
}
