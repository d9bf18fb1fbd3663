package search

import "testing"

// TestSuggestLongWordTypoBeforeTwoEdits: a long word being typed with one
// typo ("permisions", a doubled letter typed once) suggests the articles of
// the word meant, not those of other words two edits from its stem
// ("permitted", "premises", "persistent"), which the fuzzy query of two
// edits finds too; alone and after another word. A word that starts title
// words as typed is still completed as typed, and an unknown long word with
// no correction one typo away still finds its two-edit neighbours.
func TestSuggestLongWordTypoBeforeTwoEdits(t *testing.T) {
	lib := helpLibrary("long-typos",
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
	)
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

// TestTypoOfATypoInTheContent: a long word whose only neighbours one typo
// away are themselves typos in the content ("calender", in one article's
// body, for "calander") is read as the word titles write two typos away
// ("calendar"): search corrects it to that word and autocomplete suggests
// its articles.
func TestTypoOfATypoInTheContent(t *testing.T) {
	lib := helpLibrary("typo-of-typo",
		art("share", "en", "help", "Share your calendar", "Let colleagues see your calendar.", nil,
			sec("", "", "Open the calendar and choose Share.")),
		art("publish", "en", "help", "Publish a calendar online", "A link anyone can open.", nil,
			sec("", "", "Publish the calendar from its settings.")),
		art("colors", "en", "help", "Calendar colors", "Color your events.", nil,
			sec("", "", "Each calendar has a color.")),
		art("checker", "en", "help", "Run the mailbox checker", "Finds damaged items.", nil,
			sec("", "", "The checker reads every item, the calender items too.")),
	)
	ix := buildLib(t, lib, "")
	r := search(t, ix, "calander", "en")
	if got := ids(r); r.DidYouMean != "calendar" || len(got) < 3 || got[0] == "checker" {
		t.Errorf("Search(calander) = %v, did you mean %q; want the calendar articles first, did you mean calendar", got, r.DidYouMean)
	}
	if got := ids(suggest(t, ix, "calander", "en")); len(got) < 3 || got[0] == "checker" {
		t.Errorf("Suggest(calander) = %v, want the calendar articles first", got)
	}
}
