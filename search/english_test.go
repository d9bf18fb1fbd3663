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

// TestEnglishIrregularVerbs: a verb's irregular past finds the verb and
// the other way round ("I paid twice" found no "Pay" article, Snowball
// leaving "paid" and "pay" apart; "reminders not sent" linked the
// reminders article at 0.5, unlinked), marked in the snippet; a form
// that is as often another word ("left", "found") keeps its own term.
func TestEnglishIrregularVerbs(t *testing.T) {
	lib := helpLibrary("english-irregular-verbs",
		art("pay", "en", "billing", "Pay an invoice twice by mistake", "Refunds for double payments.", nil, sec("", "", "If you pay twice, we refund the second payment.")),
		art("reminders", "en", "billing", "Payment reminders", "Automatic e-mails.", nil, sec("", "", "We send a reminder when an invoice is overdue.")),
		art("forget", "en", "account", "Forget a device", "Remove a phone.", nil, sec("", "", "Tap Forget this device.")),
		art("steal", "en", "account", "If someone steals your card", "Block it.", nil, sec("", "", "Block the card in the app.")),
	)
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, want string }{
		{"I paid twice", "pay"}, {"reminders never sent", "reminders"}, {"forgot device", "forget"}, {"card stolen", "steal"},
	} {
		r := search(t, ix, tt.q, "en")
		if got := ids(r); len(got) == 0 || got[0] != tt.want || r.Weak {
			t.Errorf("Search(%q) = %v (weak %v), want %s first, answering", tt.q, got, r.Weak, tt.want)
		}
	}
	if r := search(t, ix, "I paid twice", "en"); len(r.Hits) == 0 || !strings.Contains(string(r.Hits[0].Snippet), "<mark>pay</mark>") {
		t.Errorf("Search(I paid twice): snippet without pay marked")
	}
	if id, score, _ := ix.Link(t.Context(), "en", "reminders not sent", ""); id != "reminders" || score < 0.6 {
		t.Errorf("Link(reminders not sent) = %s at %.3f, want reminders linked", id, score)
	}
	an := ix.Analyzer()
	for _, pair := range [][2]string{{"left", "leave"}, {"found", "find"}} {
		if a, b := an.Analyze("en", pair[0]).Terms, an.Analyze("en", pair[1]).Terms; slices.Equal(a, b) {
			t.Errorf("%s %v is %s %v", pair[0], a, pair[1], b)
		}
	}
}
