package search

import (
	"slices"
	"strings"
	"testing"
)

// TestEnglishIrregularPlurals: an irregular plural finds its singular and
// the other way round, in search and while typing, as "refunds" finds
// "refund" ("children tickets" suggested nothing: "children" is no prefix
// of "child", and Snowball leaves the two apart); a plural that is also a
// verb ("leaves") keeps its own term.
func TestEnglishIrregularPlurals(t *testing.T) {
	lib := helpLibrary("english-irregular",
		art("child", "en", "tickets", "Child tickets", "Fares for kids.", nil, sec("", "", "A child under twelve travels at half price.")),
		art("teeth", "en", "care", "Brushing your dog's tooth", "Dental care.", nil, sec("", "", "Brush daily with a soft brush.")),
		art("leave", "en", "team", "Request annual leave", "Time off.", nil, sec("", "", "Ask your manager.")),
		art("knife", "en", "kitchen", "Sharpen a knife", "Keep the edge.", nil, sec("", "", "Use a whetstone.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, want string }{
		{"children tickets", "child"}, {"children", "child"}, {"dog teeth", "teeth"}, {"sharpen knives", "knife"},
	} {
		if got := ids(search(t, ix, tt.q, "en")); len(got) == 0 || got[0] != tt.want {
			t.Errorf("Search(%q) = %v, want %s first", tt.q, got, tt.want)
		}
		if got := ids(suggest(t, ix, tt.q, "en")); !slices.Contains(got, tt.want) {
			t.Errorf("Suggest(%q) = %v, want %s", tt.q, got, tt.want)
		}
	}
	an := ix.Analyzer()
	if a, b := an.Analyze("en", "leaves").Terms, an.Analyze("en", "leaf").Terms; slices.Equal(a, b) {
		t.Errorf("leaves %v is leaf %v: a verb's form read as a plural", a, b)
	}
}

// TestEnglishIrregularPluralsMarked: an irregular plural the text writes is
// marked, and its passage is the snippet, whether the plural or the
// singular is typed, also when the two begin differently ("mice" and
// "mouse", "feet" and "foot", "men" and "man": "mice" typed found the
// article and showed its first sentence, unmarked).
func TestEnglishIrregularPluralsMarked(t *testing.T) {
	lib := helpLibrary("english-irregular-marked",
		art("icons", "en", "look", "Icon sets", "Pictures for notes.", nil,
			sec("", "", "Larger fonts help readers. Mice and feet icons come with the app. Men and women avatars too.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, mark string }{
		{"mice", "<mark>Mice</mark>"}, {"mouse", "<mark>Mice</mark>"}, {"feet", "<mark>feet</mark>"},
		{"foot", "<mark>feet</mark>"}, {"man avatar", "<mark>Men</mark>"},
	} {
		r := search(t, ix, tt.q, "en")
		if len(r.Hits) == 0 || !strings.Contains(string(r.Hits[0].Snippet), tt.mark) {
			var snip string
			if len(r.Hits) > 0 {
				snip = string(r.Hits[0].Snippet)
			}
			t.Errorf("Search(%q): snippet %q, want %s", tt.q, snip, tt.mark)
		}
	}
}
