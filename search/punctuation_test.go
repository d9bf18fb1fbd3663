package search

import (
	"slices"
	"testing"

	"github.com/guichet/guichet/site"
)

// punctuationLibrary is a help center whose words customers type with
// punctuation inside them: colons pasted from error messages, versions,
// a compound, Arabic typed without its letter variants.
func punctuationLibrary() *site.Library {
	lib := helpLibrary("punctuation",
		art("wifi", "en", "help", "Change your Wi-Fi password", "Reset the password of your router.", nil,
			sec("", "", "Open the router settings. If it says Error: connection refused, restart the router.")),
		art("checkin", "en", "help", "Online check-in", "Clients check in before they arrive.", nil,
			sec("", "", "Check-in opens at 10:30. Photos use the ratio 16:9.")),
		art("release", "en", "help", "What's new in v2.3", "Release notes of the mobile app.", nil,
			sec("", "", "Dark mode arrives in v2.3. Update from the store.")),
		art("server", "en", "help", "Server requirements", "What the server needs.", nil,
			sec("", "", "The server at 192.168.1.1 needs 1.5 GB of memory.")),
		art("steps", "en", "help", "Quick start", "Five steps.", nil,
			sec("", "", "Step 1 takes 5 minutes, step 2 takes 3 minutes.")),
		art("outlook", "en", "help", "Outlook crashes on start", "Repair Office.", nil,
			sec("", "", "If Outlook crashes when it starts, repair Office.")),
		art("arabic", "en", "help", "تغيير كلمة المرور", "كيفية تغيير كلمة المرور الخاصة بك", nil,
			sec("", "", "افتح الإعدادات واختر كلمة المرور الجديدة.")),
	)
	return lib
}

// TestPunctuatedWords: a colon between letters separates words as a
// space does, in the index and in queries ("title:wifi" was one word and
// found nothing); a dotted word with letters is found by its parts and by
// its version number ("2.3", "v2" find "v2.3"), while numbers stay whole
// ("1.5" does not find "step 1 … 5 minutes", "168" does not find
// "192.168.1.1").
func TestPunctuatedWords(t *testing.T) {
	ix := buildLib(t, punctuationLibrary(), "")
	for _, tt := range []struct {
		q    string
		want []string // the hits, in order; nil: none
	}{
		{"wifi:password", []string{"wifi"}},
		{"router:wifi", []string{"wifi"}},
		{"Error:connection refused", []string{"wifi"}},
		{"Outlook:crash", []string{"outlook"}},
		{"Outlook：crash", []string{"outlook"}}, // full-width colon
		{"10:30", []string{"checkin"}},
		{"16:9", []string{"checkin"}},
		{"2.3", []string{"release"}},
		{"v2", []string{"release"}},
		{"v2.3", []string{"release"}},
		{"1.5", []string{"server"}},
		{"1.5 GB", []string{"server"}},
		{"192.168.1.1", []string{"server"}},
		{"168", nil},
	} {
		for _, mode := range []string{"search", "suggest"} {
			var r *site.SearchResults
			if mode == "search" {
				r = search(t, ix, tt.q, "en")
			} else {
				r = suggest(t, ix, tt.q, "en")
			}
			if got := ids(r); !slices.Equal(got, tt.want) && !(len(got) == 0 && tt.want == nil) {
				t.Errorf("%s(%q) = %v, want %v", mode, tt.q, got, tt.want)
			}
		}
	}
	// Words no article has: search finds what it can, as for the words
	// typed with a space.
	for q, want := range map[string]string{"title:wifi": "wifi", "version 2.3": "release"} {
		if got := ids(search(t, ix, q, "en")); len(got) == 0 || got[0] != want {
			t.Errorf("search(%q) = %v, want %s first", q, got, want)
		}
	}
}

// TestTrailingWildcardIsTyping: autocomplete reads a trailing "*", "…" or
// "..." as "still typing this word", as other search boxes do.
func TestTrailingWildcardIsTyping(t *testing.T) {
	ix := buildLib(t, punctuationLibrary(), "")
	for _, q := range []string{"pass", "pass*", "pass…", "pass...", "pass**", "router pass*"} {
		if got := ids(suggest(t, ix, q, "en")); !slices.Equal(got, []string{"wifi"}) {
			t.Errorf("Suggest(%q) = %v, want [wifi]", q, got)
		}
	}
	// Elsewhere a star is punctuation: "pass *" is the whole word "pass".
	if got := ids(suggest(t, ix, "pass *", "en")); len(got) != 0 {
		t.Errorf("Suggest(%q) = %v, want nothing (no word starts there)", "pass *", got)
	}
	for _, tt := range []struct {
		q      string
		typing bool
	}{
		{"pass", true}, {"pass*", true}, {"pass…", true}, {"pass...", true}, {"pass..", true},
		{"pass.", true}, // a dotted word being typed (TestDottedWordBeingTyped)
		{"pass ", false}, {"pass. ", false}, {"pass *", false}, {"*", false}, {".", false}, {"", false},
		{"हिन्दी", true}, // a word ending in a vowel sign (a combining mark)
	} {
		if got := stillTyping(tt.q); got != tt.typing {
			t.Errorf("stillTyping(%q) = %t, want %t", tt.q, got, tt.typing)
		}
	}
}

// TestHyphenatedTypoBeingTyped: a typo in the last part of a hyphenated
// word still being typed is forgiven as in the word typed joined
// ("check-im" as "checkim" → "checkin…").
func TestHyphenatedTypoBeingTyped(t *testing.T) {
	ix := buildLib(t, punctuationLibrary(), "")
	for _, q := range []string{"checkim", "check-im", "online check-im"} {
		r := suggest(t, ix, q, "en")
		if len(r.Hits) == 0 || r.Hits[0].ID != "checkin" {
			t.Errorf("Suggest(%q) = %v, want checkin first", q, ids(r))
		}
	}
}

// TestArabicLetterVariantsInAnyLocale: Arabic typed with heh for teh
// marbuta, bare alef for hamza forms or with vowel marks finds the article
// in an English help center too (the folding was done only by the Arabic
// analyzer, so search found the article by one of two words and
// autocomplete, which needs every word, found nothing).
func TestArabicLetterVariantsInAnyLocale(t *testing.T) {
	ix := buildLib(t, punctuationLibrary(), "")
	for _, q := range []string{"كلمة المرور", "كلمه المرور", "كلمه", "كَلِمَة المرور", "الاعدادات"} {
		for _, mode := range []string{"search", "suggest"} {
			var r *site.SearchResults
			if mode == "search" {
				r = search(t, ix, q, "en")
			} else {
				r = suggest(t, ix, q, "en")
			}
			if len(r.Hits) == 0 || r.Hits[0].ID != "arabic" {
				t.Errorf("%s(%q) = %v, want arabic first", mode, q, ids(r))
			}
		}
	}
}
