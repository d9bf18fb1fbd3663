package search

import (
	"context"
	"slices"
	"testing"

	"github.com/guichet/guichet/site"
)

// tuningLibrary exercises the relevance rules of issue 3 on a small site.
func tuningLibrary() *site.Library {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en", "fr"}},
		Hash:   "tuning",
		Synonyms: map[string][][]string{
			"en": {{"sign in", "log in", "login"}, {"vat", "tax", "gst"}},
		},
		Categories: []*site.Category{{ID: "help", Locale: "en", Title: "Help"}, {ID: "help", Locale: "fr", Title: "Aide"}},
	}
	lib.Articles = []*site.Article{
		art("status", "en", "help", "Is the service down?", "Check the live status page.", nil,
			sec("", "", "The status page lists incidents and outages.")),
		art("keys", "en", "help", "Create and manage API keys", "Generate keys for the REST API.", nil,
			sec("", "", "Keys give access to your account data.")),
		art("calendar", "en", "help", "Connect your calendar", "Busy times block new appointments.",
			[]string{"double booked appointments"},
			sec("", "", "Appointments you create appear in your calendar.")),
		art("appointments", "en", "help", "Your appointments", "See the appointments booked with you.", nil,
			sec("", "", "Every appointment is booked in the calendar. Double-click one to open it.")),
		art("sso", "en", "help", "Single sign-on", "Use your company identity provider.", nil,
			sec("", "", "Sign with SAML.")),
		art("login", "en", "help", "Trouble to log in", "When the password is refused.", nil,
			sec("", "", "Check caps lock.")),
		art("tax", "en", "help", "How VAT is charged", "Rates per country.", nil,
			sec("", "", "VAT depends on where you are.")),
		art("rappels", "fr", "help", "Rappels par SMS", "Ça part la veille à 18 h.", nil,
			sec("", "", "Le rappel est envoyé à vos clients.")),
	}
	return lib
}

func TestTuning(t *testing.T) {
	ix, err := Build(context.Background(), testView(tuningLibrary()), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []struct {
		name, query, locale string
		suggest             bool
		first               string
	}{
		// "down" is a stop word of the Snowball list, not here.
		{"meaningful stop word kept", "is it down", "en", false, "status"},
		{"question words ignored", "how can i create a new api key please", "en", false, "keys"},
		{"one typo in 4 letters", "kyes", "en", false, "keys"},
		{"one typo in 4 letters, transposed", "api kyes", "en", false, "keys"},
		{"keyword phrase above scattered words", "double booked appointments", "en", false, "calendar"},
		{"title pair above scattered words", "single sign", "en", false, "sso"},
		{"synonym of the word being typed", "gst", "en", true, "tax"},
		{"french accented stop word", "ça rappel", "fr", false, "rappels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ix.Search
			if tt.suggest {
				f = ix.Suggest
			}
			r, err := f(context.Background(), site.SearchRequest{Query: tt.query, Locale: tt.locale})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Hits) == 0 || r.Hits[0].ID != tt.first {
				t.Fatalf("%q = %v, want %s first", tt.query, ids(r), tt.first)
			}
		})
	}
	// "sign in" is a synonym of "log in"; "sign" alone is not.
	for _, tt := range []struct {
		query string
		found bool
	}{{"sign in", true}, {"sign", false}} {
		r, err := ix.Search(context.Background(), site.SearchRequest{Query: tt.query})
		if err != nil {
			t.Fatal(err)
		}
		if found := slices.Contains(ids(r), "login"); found != tt.found {
			t.Errorf("%q = %v: login found %t, want %t", tt.query, ids(r), found, tt.found)
		}
	}
	// A synonym is no typo: no "did you mean" for it.
	r, err := ix.Search(context.Background(), site.SearchRequest{Query: "gst"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 || r.Hits[0].ID != "tax" || r.DidYouMean != "" {
		t.Errorf("gst: %v, did you mean %q; want tax and no correction", ids(r), r.DidYouMean)
	}
}

func TestFuzziness(t *testing.T) {
	tests := []struct {
		plain, stem string
		want        int
	}{
		{"key", "key", 0},
		{"kyes", "kye", 1},
		{"tiem", "tiem", 1},
		{"remnder", "remnder", 1},
		{"subscriptoin", "subscriptoin", 2},
		{"payments", "payment", 2},
		{"deliverd", "deliverd", 2},
		{"settings", "set", 1}, // two edits on a three-letter stem would match anything
	}
	for _, tt := range tests {
		if got := fuzziness(tt.plain, tt.stem); got != tt.want {
			t.Errorf("fuzziness(%q, %q) = %d, want %d", tt.plain, tt.stem, got, tt.want)
		}
	}
}
