package search

import (
	"strings"
	"testing"

	"github.com/guichet/guichet/site"
)

// TestCorrectionAcrossLanguagesIsASlip: on a site whose default locale is
// pt-BR, "notificaties" on the Dutch page, which no Dutch article writes,
// was "corrected" into the Portuguese "notificações" (two letters
// changed: the words are cousins, not a typo of one another) and the
// Dutch translation listed under "Showing results for notificações". A
// correction toward the default language's words is one slip away; the
// Dutch words themselves are still corrected toward the Dutch articles,
// and a slip of a Portuguese word still finds its article.
func TestCorrectionAcrossLanguagesIsASlip(t *testing.T) {
	lib := &site.Library{
		Config: site.Config{DefaultLocale: "pt-BR", Locales: []string{"pt-BR", "nl"}},
		Hash:   "across",
		Articles: []*site.Article{
			art("notif", "pt-BR", "conta", "Configurar notificações", "Notificações por e-mail.", nil, sec("", "", "Ative as notificações no aplicativo.")),
			art("senha", "pt-BR", "conta", "Trocar a senha", "Senha.", nil, sec("", "", "Troque a senha da conta.")),
			art("notif", "nl", "conta", "Meldingen wijzigen", "Meldingen per e-mail.", nil, sec("", "", "Zet meldingen aan in de app.")),
			art("wachtwoord", "nl", "conta", "Wachtwoord wijzigen", "Wachtwoord.", nil, sec("", "", "Wijzig het wachtwoord van je account.")),
			art("tarief", "nl", "conta", "Tarieven en facturen", "Wat het kost.", nil, sec("", "", "De tarieven staan op je factuur.")),
		},
	}
	ix := buildLib(t, lib, "")
	for _, tt := range []struct{ q, dym, first string }{
		{"notificaties", "", ""},
		{"wachtwoord wijzgen", "wachtwoord wijzigen", "wachtwoord"}, // the page's own words first
		{"facturne", "facturen", "tarief"},
		{"sehna", "senha", "senha"}, // a slip of a Portuguese word
	} {
		r := search(t, ix, tt.q, "nl")
		got := ids(r)
		if strings.Contains(r.DidYouMean, "notifica") && !strings.Contains(tt.dym, "notifica") {
			t.Errorf("nl %q: showing results for %q, a Portuguese word on the Dutch page", tt.q, r.DidYouMean)
		}
		if r.DidYouMean != tt.dym || (tt.first == "" && len(got) != 0) || (tt.first != "" && (len(got) == 0 || got[0] != tt.first)) {
			t.Errorf("nl %q = %v, did you mean %q; want %q first, did you mean %q", tt.q, got, r.DidYouMean, tt.first, tt.dym)
		}
		if r.DidYouMean == "" {
			for _, h := range r.Hits {
				if strings.Contains(string(h.Snippet), `class="correction"`) {
					t.Errorf("nl %q: %s found through a correction, unsaid: %s", tt.q, h.Title, h.Snippet)
				}
			}
		}
	}
}
