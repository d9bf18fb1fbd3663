package tickets

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestNotALanguageIsNoLanguage: a ticket's language that is no language
// at all ("<script>", "xx") was listed among the languages the site has
// no locale for, as if the site only lacked a translation. The summary
// says those values are not languages, apart from the languages it lacks.
func TestNotALanguageIsNoLanguage(t *testing.T) {
	c := Cleaner{DefaultLocale: "en", Locales: []string{"en", "fr"}}
	var s Summary
	for _, l := range []string{"ja", "Japanese", "<script>", "xx", "xx", "fr", ""} {
		s.Add(Result{Status: site.TicketCreated, Unsupported: c.Unsupported(l), Locale: c.locale(l)})
	}
	var out strings.Builder
	s.WriteText(&out, "t.csv", 0)
	for _, want := range []string{
		"2 tickets in a language the site has no locale for (ja 2): taken as en, the default",
		`3 tickets whose language is not a language ("<script>" 1, "xx" 2): taken as en, the default`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, out.String())
		}
	}
	b, _ := json.Marshal(s)
	if !strings.Contains(string(b), `"unsupported_languages":{"ja":2}`) || !strings.Contains(string(b), `"not_languages":{"\u003cscript\u003e":1,"xx":2}`) {
		t.Errorf("JSON: %s", b)
	}
}
