package search

import (
	"testing"

	"github.com/guichet/guichet/site"
)

// TestSuggestLongWordTypoBeforeTwoEdits: a long word being typed with one
// typo ("permisions", a doubled letter typed once) suggests the articles of
// the word meant, not those of other words two edits from its stem
// ("permitted", "premises", "persistent"), which the fuzzy query of two
// edits finds too; alone and after another word. A word that starts title
// words as typed is still completed as typed, and an unknown long word with
// no correction one typo away still finds its two-edit neighbours.
func TestSuggestLongWordTypoBeforeTwoEdits(t *testing.T) {
	lib := &site.Library{
		Config:     site.Config{DefaultLocale: "en", Locales: []string{"en"}},
		Hash:       "long-typos",
		Categories: []*site.Category{{ID: "help", Locale: "en", Title: "Help"}},
	}
	lib.Articles = []*site.Article{
		art("calendar-permissions", "en", "help", "Calendar permissions", "Who can see your calendar.", nil,
			sec("", "", "Give a colleague permissions on your calendar.")),
		art("folder-permissions", "en", "help", "Shared folder permissions", "Who can open a folder.", nil,
			sec("", "", "Set permissions on a shared folder.")),
		art("permitted-size", "en", "help", "Largest file size permitted", "Attachments too large.", nil,
			sec("", "", "Files above 25 MB are not permitted.")),
		art("premises", "en", "help", "Servers on your premises", "Hybrid setups.", nil,
			sec("", "", "Keep servers on your premises.")),
		art("persistent", "en", "help", "Persistent sign-in cookies", "Stay signed in.", nil,
			sec("", "", "Persistent cookies keep you signed in.")),
		art("calendar-colors", "en", "help", "Calendar colors", "Color your events.", nil,
			sec("", "", "Pick a color for each calendar.")),
	}
	ix := buildLib(t, lib, "")
	meant := map[string]bool{"calendar-permissions": true, "folder-permissions": true}
	for _, tt := range []struct {
		query string
		first []string // the first hits, in any order
	}{
		{"permisions", []string{"calendar-permissions", "folder-permissions"}},
		{"permissoins", []string{"calendar-permissions", "folder-permissions"}},
		{"calendar permisions", []string{"calendar-permissions"}},
		{"permissio", []string{"calendar-permissions", "folder-permissions"}},
		{"persistant", []string{"persistent"}},
	} {
		got := ids(suggest(t, ix, tt.query, "en"))
		if len(got) < len(tt.first) {
			t.Errorf("Suggest(%q) = %v, want %v first", tt.query, got, tt.first)
			continue
		}
		want := map[string]bool{}
		for _, id := range tt.first {
			want[id] = true
		}
		for _, id := range got[:len(tt.first)] {
			if !want[id] {
				t.Errorf("Suggest(%q) = %v, want %v first", tt.query, got, tt.first)
				break
			}
		}
		if tt.query == "calendar permisions" {
			for _, id := range got {
				if !meant[id] && id != "calendar-colors" {
					t.Errorf("Suggest(%q) = %v: %s has neither word", tt.query, got, id)
				}
			}
		}
	}
}
