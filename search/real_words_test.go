package search

import (
	"context"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestRealWordsAreNotTypos: a word no article has is not "corrected" into
// another word the articles write when the change is no slip of the
// finger but makes another word: "ticket" and "tickets" were read as the
// "tick" of "ticked" (one letter changed, "ticked", or dropped, "ticke",
// and the stemmer cut the ending the typo made), "wife" as "wipe" (f is
// nowhere near p on a keyboard), Spanish "cuesta" (it costs) as "cuenta"
// (s for n), each with a "did you mean" or the other word marked as a
// correction (rv23d, rv23h). Slips are still forgiven: a key next to the
// right one ("wipr"), a vowel for a vowel ("tocked"), two letters
// swapped ("cuetna").
func TestRealWordsAreNotTypos(t *testing.T) {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "en", Locales: []string{"en", "es"}},
		Hash:   "realwords",
		Articles: []*site.Article{
			art("hours", "en", "team", "Set working hours", "Days off.", nil, sec("", "", "Tick Whole day and click Save. Leave Notify clients ticked.")),
			art("phone", "en", "account", "I lost my phone", "Recovery codes.", nil, sec("", "", "Only then wipe the old phone.")),
			art("cuenta", "es", "pagos", "Tu cuenta", "Lo que debes.", nil, sec("", "", "La cuenta muestra lo que debes.")),
			art("pago", "es", "pagos", "Pagar con tarjeta", "Pagos.", nil, sec("", "", "Paga con tarjeta cuando quieras.")),
		},
	}
	ix, err := Build(context.Background(), site.NewView(lib, lib.Articles[0].Updated, false), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tt := range []struct{ locale, q, dym string }{
		{"en", "ticket", ""},
		{"en", "tickets", ""},
		{"en", "my tickets", ""},
		{"en", "wife", ""},
		{"es", "cuesta", ""},
		{"es", "cuánto cuesta", ""},
		{"es", "me cuesta pagar", ""},
		{"en", "wipr", "wipe"},
		{"en", "tocked", "tick"},
		{"es", "cuetna", "cuenta"},
	} {
		r, err := ix.Search(context.Background(), site.SearchRequest{Query: tt.q, Locale: tt.locale})
		if err != nil {
			t.Fatal(err)
		}
		if r.DidYouMean != tt.dym && !(tt.dym != "" && strings.HasPrefix(r.DidYouMean, tt.dym)) {
			t.Errorf("%s %q: did you mean %q, want %q", tt.locale, tt.q, r.DidYouMean, tt.dym)
		}
		if tt.dym != "" {
			continue
		}
		for _, h := range r.Hits {
			if strings.Contains(string(h.Snippet), `class="correction"`) {
				t.Errorf("%s %q: %s is found through a correction: %s", tt.locale, tt.q, h.Title, h.Snippet)
			}
		}
	}
}
