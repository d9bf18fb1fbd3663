package search

import (
	"context"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestRealWordsAreNotTyposInEveryScript: the rules that keep a real word
// from being "corrected" into another one hold in every script, not only
// for a–z. Arabic "إرجاع المال" (refund the money) was answered "did you
// mean إرجاع الماء" (refund the water): the last letter ل swapped for ء,
// which is nowhere near it on an Arabic keyboard, makes another word, not
// a typo; Russian "сова" (owl) is likewise no typo of "сода" (soda): д
// and в are apart. A key next to the right one is still forgiven
// ("الماس": س is next to ء; "содв": в is next to а).
func TestRealWordsAreNotTyposInEveryScript(t *testing.T) {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "ar", Locales: []string{"ar", "ru"}},
		Hash:   "scriptwords",
		Articles: []*site.Article{
			art("water", "ar", "machine", "خزان الماء", "املأ الخزان.", nil, sec("", "", "املأ خزان الماء كل يوم.")),
			art("refund", "ar", "orders", "إرجاع الطلب", "الإرجاع خلال ثلاثين يوما.", nil, sec("", "", "يمكنك إرجاع الطلب خلال ثلاثين يوما.")),
			art("soda", "ru", "clean", "Чистка содой", "Сода и вода.", nil, sec("", "", "Насыпьте соду в бак и налейте воду.")),
		},
	}
	ix, err := Build(context.Background(), site.NewView(lib, lib.Articles[0].Updated, false), "")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tt := range []struct{ locale, q, dym string }{
		{"ar", "إرجاع المال", ""},
		{"ar", "المال", ""},
		{"ru", "сова", ""},
		{"ar", "إرجاع الماس", "إرجاع الماء"},
		{"ru", "содв", "сода"},
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
