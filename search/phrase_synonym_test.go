package search

import (
	"context"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestPhraseSynonymIsThePhrase: a synonyms.yaml entry of several words
// ("phone app") stands for the phrase, not for its words one by one:
// "mobile app" marked as a synonym the "phone" of "check the phone
// settings" and the "iOS" of "requires iOS 16", and listed the article
// that writes "phone" in one place and "app" in another as if it wrote
// "phone app"; "e ticket" marked the "mobile" of "mobile app" through
// the entry "mobile ticket" (rv23h).
func TestPhraseSynonymIsThePhrase(t *testing.T) {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en"}},
		Synonyms: map[string][][]string{"en": {
			{"mobile app", "phone app", "ios app"},
			{"e-ticket", "mobile ticket"},
		}},
		Hash: "phrasesyn",
		Articles: []*site.Article{
			art("install", "en", "apps", "Install our phone app", "Get it from the store.", nil, sec("", "", "The phone app needs iOS 16 or Android 10.")),
			art("alerts", "en", "apps", "Phone alerts in the app", "Check the settings.", nil, sec("", "", "Check the phone settings first. Then open the app and turn alerts on.")),
			art("offline", "en", "apps", "Working offline", "Without a network.", nil, sec("", "", "The mobile app keeps a copy of your bookings.")),
			art("number", "en", "account", "Change your mobile number", "For texts.", nil, sec("", "", "Type a new mobile number in the settings.")),
			art("eticket", "en", "account", "Print your e-ticket", "A PDF.", nil, sec("", "", "Open the e-ticket and print it.")),
		},
	}
	ix, err := Build(context.Background(), site.NewView(lib, lib.Articles[0].Updated, false), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	search := func(q string) *site.SearchResults {
		r, err := ix.Search(context.Background(), site.SearchRequest{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r := search("mobile app")
	if got := titles(r.Hits); len(got) == 0 || got[0] != "Install our phone app" {
		t.Errorf("mobile app: %q, want the article that writes its synonym in its title first", got)
	}
	for _, h := range r.Hits {
		snip := strings.ToLower(string(h.Snippet))
		for _, lone := range []string{`<mark class="synonym">phone</mark> settings`, `<mark class="synonym">ios</mark> 16`} {
			if strings.Contains(snip, lone) {
				t.Errorf("mobile app: %s marks a word of a synonym phrase alone: %s", h.Title, h.Snippet)
			}
		}
		if h.Title == "Install our phone app" && !strings.Contains(snip, `<mark class="synonym">phone</mark> <mark`) {
			t.Errorf("mobile app: %s does not mark the synonym phrase: %s", h.Title, h.Snippet)
		}
	}
	for _, q := range []string{"e ticket", "eticket"} {
		for _, h := range search(q).Hits {
			if strings.Contains(string(h.Snippet), `<mark class="synonym">mobile</mark> app`) {
				t.Errorf("%s: %s marks the mobile of mobile app: %s", q, h.Title, h.Snippet)
			}
		}
	}
}

// TestPhraseSynonymWordsApartRankBelow: an article that writes the words
// of a synonym phrase apart ("Phone alerts in the app") has no more of a
// query for another entry of the group ("ios app") than its own words:
// the article that writes an entry of the group ("Use the mobile app
// offline") comes first; it came second, the two covering the query
// alike.
func TestPhraseSynonymWordsApartRankBelow(t *testing.T) {
	lib := &site.Library{
		Config:   site.Config{DefaultLocale: "en", Locales: []string{"en"}},
		Synonyms: map[string][][]string{"en": {{"mobile app", "phone app", "ios app"}}},
		Hash:     "phraseapart",
		Articles: []*site.Article{
			art("alerts", "en", "apps", "Phone alerts in the app", "Check the settings.", nil, sec("", "", "Check the phone settings first. Then open the app and turn alerts on. The app shows alerts.")),
			art("offline", "en", "apps", "Use the mobile app offline", "Without a network.", nil, sec("", "", "It keeps a copy of your bookings.")),
			art("number", "en", "account", "Change your mobile number", "For texts.", nil, sec("", "", "Type a new mobile number in the settings.")),
			art("hours", "en", "account", "Opening hours", "When we answer.", nil, sec("", "", "We answer from nine to five.")),
		},
	}
	ix, err := Build(context.Background(), site.NewView(lib, lib.Articles[0].Updated, false), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	r, err := ix.Search(context.Background(), site.SearchRequest{Query: "ios app"})
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(r.Hits); len(got) == 0 || got[0] != "Use the mobile app offline" {
		t.Errorf("ios app: %q, want the article writing mobile app first", got)
	}
	for _, h := range r.Hits {
		if strings.Contains(string(h.Snippet), `class="synonym">phone<`) {
			t.Errorf("ios app: %s marks phone alone: %s", h.Title, h.Snippet)
		}
	}
}
