package search

import (
	"slices"
	"testing"
)

// TestJoinedQueryWords: a word no article uses, that the articles write as
// two side by side ("log in", "ear tags", "Furrow Link", "back up"), is
// read as those two words, in search and autocomplete; parts the articles
// do not write together, or a first part of two letters, are no such
// evidence.
func TestJoinedQueryWords(t *testing.T) {
	lib := helpLibrary("joined",
		art("login", "en", "help", "Can't log in to the app", "", nil, sec("", "", "If you cannot log in, reset your password.")),
		art("tags", "en", "help", "Order ear tags for your herd", "", nil, sec("", "", "Tags come in packs of 50.")),
		art("link", "en", "help", "Pair the Furrow Link gateway", "", nil, sec("", "", "It connects your sensors to the cloud.")),
		art("backup", "en", "help", "Back up your farm data", "", nil, sec("", "", "Export a copy of your records every month.")),
		art("user", "en", "help", "Change your user name", "", nil, sec("", "", "Open settings and type a new name.")),
		art("car", "en", "help", "Park the car", "", nil, sec("", "", "The ton of paperwork is gone.")),
		art("into", "en", "help", "Sign into the portal", "", nil, sec("", "", "Use your farm e-mail.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct {
		q     string
		first string // "" for no result
	}{
		{"login", "login"},
		{"cant login", "login"},
		{"eartag", "tags"},
		{"eartags", "tags"},
		{"furrowlink", "link"},
		{"backup", "backup"},
		{"backups", "backup"},
		{"logins", "login"},
		{"username", "user"},
		// "car" and "ton" are never side by side.
		{"carton", ""},
	} {
		for _, mode := range []string{"search", "suggest"} {
			r := search(t, ix, tt.q, "en")
			if mode == "suggest" {
				r = suggest(t, ix, tt.q, "en")
			}
			got := ids(r)
			if tt.first == "" && len(got) > 0 || tt.first != "" && (len(got) == 0 || got[0] != tt.first) {
				t.Errorf("%s(%q) = %v, want %q first", mode, tt.q, got, tt.first)
			}
		}
	}
	// Two words side by side in one sentence of one article's text are
	// chance ("do not ice the site" is no "notice"); in two articles, or
	// in a title or heading, the way the articles write it.
	once := helpLibrary("joined-once",
		art("vacc", "en", "help", "Vaccinations", "", nil, sec("", "", "Use the paw scan reader at the desk.")),
		art("other", "en", "help", "Opening hours", "", nil, sec("", "", "The paw prints scan easily.")),
	)
	if got := ids(search(t, buildLib(t, once, ""), "pawscan", "en")); len(got) != 0 {
		t.Errorf("search(pawscan) = %v with 'paw scan' in one article's text, want nothing", got)
	}
	once.Articles = append(once.Articles, art("chip", "en", "help", "Read a microchip", "", nil, sec("", "", "Hold the paw scan over the neck.")))
	once.Hash = "joined-twice"
	if got := ids(search(t, buildLib(t, once, ""), "pawscan", "en")); !slices.Contains(got, "vacc") || !slices.Contains(got, "chip") {
		t.Errorf("search(pawscan) = %v with 'paw scan' in two articles' text, want both", got)
	}

	// While typed, a word that begins some article's word is that word
	// being typed ("login" of "Loginfo"), not two words; once typed, it
	// is.
	lib.Articles = append(lib.Articles, art("loginfo", "en", "help", "Export the Loginfo file", "", nil, sec("", "", "It lists every sync.")))
	lib.Hash = "joined-loginfo"
	ix = buildLib(t, lib, "")
	if got := ids(suggest(t, ix, "login", "en")); len(got) == 0 || got[0] != "loginfo" || slices.Contains(got, "login") {
		t.Errorf("suggest(login) = %v, want loginfo alone", got)
	}
	if got := ids(search(t, ix, "login", "en")); len(got) == 0 || got[0] != "login" {
		t.Errorf("search(login) = %v, want login first", got)
	}
}
